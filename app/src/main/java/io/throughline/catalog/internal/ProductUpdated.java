package io.throughline.catalog.internal;

import io.throughline.catalog.Sku;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product changed: its details, variants, categories, assortment or active flag. {@code skus} are its
 * variants' SKUs after the change, so that caches keyed by SKU know what to drop.
 */
public record ProductUpdated(UUID productId, List<Sku> skus, Instant updatedAt) {

    public ProductUpdated {
        skus = List.copyOf(skus);
    }
}
