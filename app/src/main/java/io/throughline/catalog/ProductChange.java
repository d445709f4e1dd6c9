package io.throughline.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change to a product's own details; a null field is left as it is, a given list replaces the current one.
 * Variants and the assortment change through their own operations.
 */
public record ProductChange(
        @Nullable @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Nullable @Size(max = 10_000) String description,
        @Nullable @Size(max = 50) List<@NotNull UUID> categoryIds,
        @Nullable @Size(max = 100) List<@Valid @NotNull Attribute> attributes,
        @Nullable @Size(max = 50) List<@Valid @NotNull ProductImage> images,
        @Nullable Boolean active) {}
