package io.throughline.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One sellable variant of a product: what stock, prices and carts refer to by its SKU. */
public record Variant(UUID id, Sku sku, @Nullable Gtin gtin, String name, List<Attribute> attributes,
        boolean active) {

    public Variant {
        attributes = List.copyOf(attributes);
    }
}
