package io.throughline.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What other modules need to know about one sellable variant: its product, its name for receipts and
 * messages, and the categories it belongs to, each with all its ancestors (a promotion on "Wines" applies
 * to a variant filed under "Wines / Tokaji / Aszú").
 */
public record CatalogueItem(Sku sku, UUID productId, UUID variantId, String name, List<UUID> categoryIds,
        boolean active) {

    public CatalogueItem {
        categoryIds = List.copyOf(categoryIds);
    }
}
