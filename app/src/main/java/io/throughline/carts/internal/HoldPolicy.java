package io.throughline.carts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a cart line's stock is held and for how long. A line is held at one location: the pickup shop once the
 * shopper chose click &amp; collect; otherwise the location it is held at already when that one can cover the
 * quantity (holds do not wander), else the channel's eligible location with the most stock available to the
 * cart (ties: the location code). Holds last the cart's time to live from the last activity; a hold renewed
 * less than a minute ago is not renewed again, so reads do not rewrite every hold.
 */
final class HoldPolicy {

    static final Duration RENEWAL_STEP = Duration.ofMinutes(1);

    /** A location the line could be held at, and how many units the cart could hold there (its own hold included). */
    record Candidate(UUID locationId, String code, int capacity) {}

    private HoldPolicy() {}

    static Optional<Candidate> choose(List<Candidate> candidates, int quantity, @Nullable UUID current) {
        if (current != null) {
            for (Candidate candidate : candidates) {
                if (candidate.locationId().equals(current) && candidate.capacity() >= quantity) {
                    return Optional.of(candidate);
                }
            }
        }
        return candidates.stream()
                .filter(candidate -> candidate.capacity() >= quantity)
                .max(Comparator.comparingInt(Candidate::capacity)
                        .thenComparing(Candidate::code, Comparator.reverseOrder()));
    }

    /** The most the cart could hold of the SKU at any one location. */
    static int mostHoldable(List<Candidate> candidates) {
        return Math.max(0, candidates.stream().mapToInt(Candidate::capacity).max().orElse(0));
    }

    /** Whether a hold expiring then should be renewed by activity now. */
    static boolean needsRenewal(@Nullable Instant holdExpiresAt, Instant now, Duration ttl) {
        if (holdExpiresAt == null || !holdExpiresAt.isAfter(now)) {
            return true;
        }
        Duration step = RENEWAL_STEP.compareTo(ttl.dividedBy(2)) < 0 ? RENEWAL_STEP : ttl.dividedBy(2);
        return holdExpiresAt.isBefore(now.plus(ttl).minus(step));
    }

    /**
     * The cart's expiry after activity now: its time to live from now, but never before any of its holds
     * expire, so that no hold outlives its cart.
     */
    static Instant cartExpiry(Instant now, Duration ttl, Collection<Instant> holdExpiries) {
        Instant expiry = now.plus(ttl);
        for (Instant hold : holdExpiries) {
            if (hold.isAfter(expiry)) {
                expiry = hold;
            }
        }
        return expiry;
    }
}
