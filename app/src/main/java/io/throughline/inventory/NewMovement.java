package io.throughline.inventory;

import io.throughline.catalog.Sku;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A receipt, sale, return or adjustment to record. Receipts, sales and returns take a positive quantity
 * (the kind gives the direction); an adjustment takes a signed, non-zero one.
 *
 * @param reference what caused it, e.g. a delivery note or order id
 */
public record NewMovement(Sku sku, UUID locationId, MovementKind kind, int quantity, @Nullable String reference,
        @Nullable String note) {}
