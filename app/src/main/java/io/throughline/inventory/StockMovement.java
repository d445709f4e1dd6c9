package io.throughline.inventory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the ledger.
 *
 * @param quantity    the signed change of on-hand
 * @param onHandAfter on-hand at the location right after this movement
 * @param transferId  the same for both legs of a transfer
 */
public record StockMovement(UUID id, String sku, UUID locationId, MovementKind kind, int quantity, int onHandAfter,
        @Nullable UUID transferId, @Nullable String reference, @Nullable String note, Instant recordedAt) {}
