package io.throughline.analytics;

import io.throughline.platform.InvalidRequestException;
import java.time.Duration;

/** A step of a funnel: the event that reaches it, and how long after the step before it that event may come. */
public record FunnelStep(String event, Duration window) {

    public FunnelStep {
        if (event.isBlank()) {
            throw new InvalidRequestException("steps", "name an event for every step");
        }
        if (window.isNegative() || window.isZero()) {
            throw new InvalidRequestException("steps", "need a conversion window longer than zero");
        }
    }
}
