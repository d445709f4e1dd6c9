package io.throughline.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A product to create, with at least one variant. Absent lists are empty. */
public record NewProduct(
        @NotBlank @Size(max = 300) String name,
        @Nullable @Size(max = 10_000) String description,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull NewVariant> variants,
        @Nullable @Size(max = 50) List<@NotNull UUID> categoryIds,
        @Nullable @Size(max = 100) List<@Valid @NotNull Attribute> attributes,
        @Nullable @Size(max = 50) List<@Valid @NotNull ProductImage> images,
        @Nullable @Size(max = 100) List<@Valid @NotNull ChannelAssortment> assortment) {

    public String descriptionOrEmpty() {
        return description == null ? "" : description;
    }

    public List<UUID> categoryIdsOrEmpty() {
        return categoryIds == null ? List.of() : categoryIds;
    }

    public List<Attribute> attributesOrEmpty() {
        return attributes == null ? List.of() : attributes;
    }

    public List<ProductImage> imagesOrEmpty() {
        return images == null ? List.of() : images;
    }

    public List<ChannelAssortment> assortmentOrEmpty() {
        return assortment == null ? List.of() : assortment;
    }
}
