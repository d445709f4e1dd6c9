package io.throughline.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A variant to add: its SKU, an optional GTIN, and a name (the product's name when absent). */
public record NewVariant(
        @NotNull String sku,
        @Nullable String gtin,
        @Nullable @Size(min = 1, max = 300) String name,
        @Nullable @Size(max = 100) List<@Valid @NotNull Attribute> attributes) {

    public List<Attribute> attributesOrEmpty() {
        return attributes == null ? List.of() : attributes;
    }
}
