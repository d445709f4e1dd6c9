package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment as recorded here, with its processor's reference.
 *
 * @param cardLast4 the last four digits of a card, never more
 */
public record Payment(UUID id, PaymentMethod method, PaymentState state, Money amount, Money refunded,
        @Nullable String processorReference, @Nullable String cardLast4, @Nullable String declineReason,
        Instant createdAt, Instant updatedAt) {}
