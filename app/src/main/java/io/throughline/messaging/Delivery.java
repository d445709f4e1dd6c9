package io.throughline.messaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One send of a message to one customer on one channel, and what became of it. */
public record Delivery(UUID id, UUID messageId, String variantKey, UUID profileId, MessageChannel channel,
        MessagePurpose purpose, DeliveryStatus status, @Nullable String reason, Instant createdAt,
        @Nullable Instant deliveredAt, @Nullable Instant openedAt, @Nullable Instant clickedAt,
        @Nullable Instant bouncedAt, @Nullable Instant unsubscribedAt) {

    public boolean sent() {
        return status != DeliveryStatus.REFUSED && status != DeliveryStatus.FAILED;
    }
}
