package io.throughline.inventory;

import java.util.UUID;

/**
 * Stock of one SKU at one location now.
 *
 * @param reserved held (unexpired) and allocated units
 */
public record StockLevel(String sku, UUID locationId, String locationCode, int onHand, int reserved) {

    /** What could still be reserved here, before any channel's safety stock. */
    public int unreserved() {
        return Math.max(0, onHand - reserved);
    }
}
