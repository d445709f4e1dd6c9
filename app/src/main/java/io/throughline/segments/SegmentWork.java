package io.throughline.segments;

import java.time.Instant;

/**
 * The segments' background work, which runs by itself; tests drive it at chosen moments, as journeys' timers
 * are driven.
 */
public interface SegmentWork {

    /** Re-evaluates the customers whose expiry timers are due at {@code now}; answers how many. */
    int fireDue(Instant now);

    /** Sends the audience sync deliveries due at {@code now}; answers how many were taken. */
    int deliverSyncs(Instant now);

    /** Runs every batch evaluation under way to its end. */
    void evaluatePending();
}
