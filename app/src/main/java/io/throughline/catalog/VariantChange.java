package io.throughline.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A variant's new details, all replaced: the name (the product's when blank), the GTIN (none when blank) and the
 * attributes (none when absent).
 */
public record VariantChange(
        @Nullable @Size(max = 300) String name,
        @Nullable String gtin,
        @Nullable @Size(max = 100) List<@Valid @NotNull Attribute> attributes) {

    public List<Attribute> attributesOrEmpty() {
        return attributes == null ? List.of() : attributes;
    }
}
