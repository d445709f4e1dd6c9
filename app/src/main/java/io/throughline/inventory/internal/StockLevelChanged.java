package io.throughline.inventory.internal;

import io.throughline.inventory.MovementKind;
import java.time.Instant;
import java.util.UUID;

/** On-hand of a SKU at a location changed by a movement. */
public record StockLevelChanged(String sku, UUID locationId, MovementKind kind, int quantity, int onHand,
        Instant occurredAt) {}
