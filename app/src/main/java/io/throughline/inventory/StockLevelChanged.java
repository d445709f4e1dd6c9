package io.throughline.inventory;

import java.time.Instant;
import java.util.UUID;

/** On-hand of a SKU at a location changed by a movement. Analytics follows it for the stock-out rate. */
public record StockLevelChanged(String sku, UUID locationId, MovementKind kind, int quantity, int onHand,
        Instant occurredAt) {}
