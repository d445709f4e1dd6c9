package io.throughline.analytics.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a stretch of the log tells of one service case: when it started, was first answered and first resolved, and
 * how many times it was resolved (more than once when the customer came back to it).
 */
record CaseFact(UUID conversationId, UUID profileId, String channel, @Nullable Instant startedAt,
        @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, int resolutions) {

    CaseFact plus(CaseFact later) {
        return new CaseFact(conversationId, profileId, channel, earliest(startedAt, later.startedAt),
                earliest(firstResponseAt, later.firstResponseAt), earliest(resolvedAt, later.resolvedAt),
                resolutions + later.resolutions);
    }

    static @Nullable Instant earliest(@Nullable Instant one, @Nullable Instant other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isBefore(other) ? one : other;
    }
}
