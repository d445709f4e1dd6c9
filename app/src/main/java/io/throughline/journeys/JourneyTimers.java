package io.throughline.journeys;

import java.time.Instant;

/**
 * The journeys' durable timers. A poller fires the due ones every few hundred milliseconds with the clock's
 * moment; {@link #fireDue(Instant)} is the same step with an explicit moment, which lets a test or a
 * benchmark live through a 48-hour wait without waiting 48 hours (the fired steps then act at that moment).
 */
public interface JourneyTimers {

    /**
     * Runs the scheduled triggers due at the moment, then fires every timer due at or before it, in batches,
     * each exactly once; answers how many timers fired.
     */
    int fireDue(Instant now);

    /** How many timers are pending. */
    long pending();
}
