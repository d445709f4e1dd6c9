package io.throughline.service.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which case a customer's message belongs to when she has no live case: the resolved case it answers (or her
 * latest) is reopened while it was resolved less than the reopening period ago; after that she gets a new case
 * that names the earlier one, so agents still see what came before.
 */
final class ThreadingPolicy {

    /** The outcome, for a customer without a live case. */
    enum Decision {
        REOPEN, NEW_AFTER_PREVIOUS, NEW
    }

    private final Duration reopenWithin;

    ThreadingPolicy(Duration reopenWithin) {
        this.reopenWithin = reopenWithin;
    }

    /** {@code previousResolvedAt}: when her earlier case was resolved; null when she never had one. */
    Decision decide(@Nullable Instant previousResolvedAt, Instant now) {
        if (previousResolvedAt == null) {
            return Decision.NEW;
        }
        return previousResolvedAt.plus(reopenWithin).isAfter(now) ? Decision.REOPEN : Decision.NEW_AFTER_PREVIOUS;
    }
}
