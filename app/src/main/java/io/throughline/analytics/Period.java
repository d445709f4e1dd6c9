package io.throughline.analytics;

import io.throughline.platform.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of time {@code [from, to)}; a period that ends before it starts is refused at {@code to}. */
public record Period(Instant from, Instant to) {

    public Period {
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("to", "must be after from");
        }
    }

    /** The period of the same length just before this one, for trends. */
    public Period previous() {
        Duration length = Duration.between(from, to);
        return new Period(from.minus(length), from);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
