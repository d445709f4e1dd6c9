package io.throughline.catalog.internal;

import io.throughline.catalog.Sku;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product was taken off sale on every channel; its SKUs remain known, so orders and stock still resolve them. */
public record ProductDeactivated(UUID productId, List<Sku> skus, Instant deactivatedAt) {

    public ProductDeactivated {
        skus = List.copyOf(skus);
    }
}
