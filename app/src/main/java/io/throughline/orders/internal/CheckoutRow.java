package io.throughline.orders.internal;

import io.throughline.platform.CheckoutRefused;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A checkout as stored under its idempotency key: what a repeat of the key replays.
 *
 * @param outcome why it was refused; null unless {@link CheckoutState#REFUSED}
 */
record CheckoutRow(UUID id, String idempotencyKey, String requestHash, UUID cartId, String channel,
        CheckoutState state, @Nullable UUID orderId, CheckoutRefused.@Nullable Reason outcome,
        @Nullable String outcomeField, @Nullable String outcomeDetail, Instant createdAt, Instant updatedAt) {

    /** The refusal as it was first answered. */
    CheckoutRefused refusal() {
        if (outcome == null || outcomeField == null || outcomeDetail == null) {
            throw new IllegalStateException("Checkout " + id + " is " + state + ", not refused");
        }
        return new CheckoutRefused(outcome, outcomeField, outcomeDetail);
    }
}
