package io.throughline.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order was cancelled: its stock is released and its payment voided or refunded. */
public record OrderCancelled(UUID orderId, @Nullable UUID profileId, String channel, String reason,
        Instant cancelledAt) {}
