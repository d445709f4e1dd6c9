package io.throughline.inventory.internal;

import io.throughline.inventory.ReservationState;
import java.time.Instant;
import java.util.UUID;

/** A reservation stopped holding stock: released, expired or fulfilled ({@code outcome}). */
public record ReservationReleased(UUID reservationId, String sku, UUID locationId, int quantity, String reference,
        ReservationState outcome, Instant occurredAt) {}
