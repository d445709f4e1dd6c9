package io.throughline.inventory.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Stock was held or allocated (also when a reservation's quantity changed: {@code quantity} is the new total). */
public record StockReserved(UUID reservationId, String sku, UUID locationId, int quantity, String reference,
        @Nullable Instant expiresAt, Instant occurredAt) {}
