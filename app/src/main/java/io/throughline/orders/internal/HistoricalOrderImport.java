package io.throughline.orders.internal;

import io.throughline.orders.HistoricalOrders;
import io.throughline.platform.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

@Service
class HistoricalOrderImport implements HistoricalOrders {

    private final Clock clock;

    HistoricalOrderImport(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <T> T asOf(Instant at, Supplier<T> work) {
        Duration shift = Duration.between(clock.instant(), at);
        if (!shift.isNegative()) {
            throw new InvalidRequestException("at", "must be in the past: an imported order happened before now");
        }
        return OrderTime.shifted(shift, work);
    }
}
