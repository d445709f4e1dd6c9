package io.throughline.journeys;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The path the journey would take for the customer, step by step with simulated moments, and how it ends:
 * {@code completed}, {@code converted} (the goal event arrived), {@code control} (the control group), or
 * {@code waiting} when it would still be waiting at the end of the simulated horizon.
 */
public record DryRun(String journey, int version, List<Visit> path, String outcome) {

    /**
     * One step the customer would pass, e.g. a send with the channel the choice would take and its reasons
     * ({@code "sms skipped: no consent"}).
     */
    public record Visit(String step, String type, Instant at, String result, @Nullable String channel,
            List<String> reasons) {
        public Visit {
            reasons = List.copyOf(reasons);
        }
    }
}
