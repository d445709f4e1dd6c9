package io.throughline.orders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The orders module's clock: the platform's, set back by the shift of an import of historical orders running on
 * the current thread, so that everything the module records during the import is dated when it happened. The
 * clock keeps running during the import, so waits and deadlines behave as they always do.
 */
final class OrderTime extends Clock {

    private static final ThreadLocal<@Nullable Duration> SHIFT = new ThreadLocal<>();

    private final Clock clock;

    private OrderTime(Clock clock) {
        this.clock = clock;
    }

    /** The platform's clock as this module reads it. */
    static Clock over(Clock clock) {
        return clock instanceof OrderTime ? clock : new OrderTime(clock);
    }

    /** Runs the work with every {@link OrderTime} on this thread shifted by the duration (negative: the past). */
    static <T> T shifted(Duration shift, Supplier<T> work) {
        Duration outer = SHIFT.get();
        SHIFT.set(shift);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                SHIFT.remove();
            } else {
                SHIFT.set(outer);
            }
        }
    }

    @Override
    public Instant instant() {
        Duration shift = SHIFT.get();
        return shift == null ? clock.instant() : clock.instant().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OrderTime(clock.withZone(zone));
    }
}
