package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of a member's points as her statement shows it.
 *
 * @param kind   EARNED, EARN_REVERSED, REDEEMED, REDEMPTION_REFUNDED, EXPIRED, ADJUSTED, MERGED or UNMERGED
 * @param points what it added to (positive) or took from (negative) her points
 */
public record StatementLine(UUID movementId, String kind, long points, @Nullable String channel,
        @Nullable UUID orderId, @Nullable String reason, Instant occurredAt, Instant recordedAt) {}
