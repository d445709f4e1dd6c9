package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A time-boxed promotion: purchases placed from {@code startsAt} until {@code endsAt}, on {@code channel} (null:
 * every channel), earn {@code percent} of their points (200: double points weekend).
 */
public record EarnPromotion(UUID id, String name, @Nullable String channel, int percent, Instant startsAt,
        Instant endsAt) {

    public boolean applies(String onChannel, Instant at) {
        return (channel == null || channel.equals(onChannel)) && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
