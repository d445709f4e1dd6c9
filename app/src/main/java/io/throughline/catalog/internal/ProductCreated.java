package io.throughline.catalog.internal;

import io.throughline.catalog.Sku;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product and its variants were added to the catalogue. */
public record ProductCreated(UUID productId, List<Sku> skus, Instant createdAt) {

    public ProductCreated {
        skus = List.copyOf(skus);
    }
}
