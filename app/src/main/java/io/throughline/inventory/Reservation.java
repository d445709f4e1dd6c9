package io.throughline.inventory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stock set aside at one location for a reference such as a cart or an order id.
 *
 * @param state     as stored; a HELD reservation past {@code expiresAt} no longer counts even before the sweep
 *                  marks it EXPIRED
 * @param expiresAt when a hold lapses; null for an allocation or a finished reservation
 */
public record Reservation(UUID id, String sku, UUID locationId, int quantity, String reference,
        ReservationState state, @Nullable Instant expiresAt, Instant createdAt, Instant updatedAt) {

    /** Whether it counts against availability at that moment. */
    public boolean activeAt(Instant at) {
        return state == ReservationState.ALLOCATED
                || (state == ReservationState.HELD && expiresAt != null && expiresAt.isAfter(at));
    }
}
