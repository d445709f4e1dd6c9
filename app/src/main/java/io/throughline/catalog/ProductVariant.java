package io.throughline.catalog;

import java.util.List;
import java.util.UUID;

/** A variant looked up by SKU, with what it inherits from its product. */
public record ProductVariant(UUID productId, String productName, boolean productActive, Variant variant,
        List<Category> categories, List<ChannelAssortment> assortment) {

    public ProductVariant {
        categories = List.copyOf(categories);
        assortment = List.copyOf(assortment);
    }
}
