package io.throughline.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product as a list shows it. */
public record ProductSummary(UUID id, String name, boolean active, List<Sku> skus, List<String> categoryPaths,
        List<String> channels, Instant updatedAt) {

    public ProductSummary {
        skus = List.copyOf(skus);
        categoryPaths = List.copyOf(categoryPaths);
        channels = List.copyOf(channels);
    }
}
