package io.throughline.loyalty.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a movement is about, apart from its points: the account, why, and under which reference it happens at
 * most once (an order, a return, a till's key).
 */
record Posting(UUID accountId, MovementKind kind, String reference, @Nullable String channel, @Nullable UUID orderId,
        @Nullable String reason, @Nullable UUID staffId, Instant occurredAt) {

    static Posting of(UUID accountId, MovementKind kind, String reference, Instant occurredAt) {
        return new Posting(accountId, kind, reference, null, null, null, null, occurredAt);
    }

    Posting channel(@Nullable String key) {
        return new Posting(accountId, kind, reference, key, orderId, reason, staffId, occurredAt);
    }

    Posting order(@Nullable UUID id) {
        return new Posting(accountId, kind, reference, channel, id, reason, staffId, occurredAt);
    }

    Posting because(String why) {
        return new Posting(accountId, kind, reference, channel, orderId, why, staffId, occurredAt);
    }

    Posting by(UUID staff, String why) {
        return new Posting(accountId, kind, reference, channel, orderId, why, staff, occurredAt);
    }
}
