package io.throughline.orders.internal;

import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.HistoricalOrder;
import io.throughline.orders.HistoricalOrders;
import io.throughline.orders.HistoricalReturn;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.Orders;
import io.throughline.orders.ReturnRequest;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.throughline.orders.PaymentMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Each step at the time it happened: the checkout runs on the platform's clock set back to that time (still
 * running, so its waits and deadlines behave as always), the other steps are recorded at the time itself.
 */
@Service
class HistoricalOrderImport implements HistoricalOrders {

    private final Checkouts checkouts;
    private final FulfilmentService fulfilments;
    private final ReturnService returns;
    private final HistoryRecorder recorder;
    private final Clock clock;

    HistoricalOrderImport(Checkouts checkouts, FulfilmentService fulfilments, ReturnService returns,
            HistoryRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.checkouts = checkouts;
        this.fulfilments = fulfilments;
        this.returns = returns;
        this.clock = clock;
    }

    @Override
    public Orders.Placed checkout(Instant at, CheckoutRequest request, Channel channel, @Nullable UUID profileId,
            String idempotencyKey) {
        return checkouts.checkout(request, channel, profileId, idempotencyKey, setBackTo(at));
    }

    @Override
    public Order readyForPickup(Instant at, UUID orderId, UUID locationId) {
        return fulfilments.readyForPickup(orderId, locationId, past(at));
    }

    @Override
    public Order pickUp(Instant at, UUID orderId, UUID locationId, String pickupCode, String channel,
            @Nullable PaymentMethod paidWith) {
        return fulfilments.pickUp(orderId, locationId, pickupCode, channel, paidWith, past(at));
    }

    @Override
    public Order ship(Instant at, UUID orderId, UUID locationId, String trackingNumber) {
        return fulfilments.ship(orderId, locationId, trackingNumber, past(at));
    }

    @Override
    public Order delivered(Instant at, UUID orderId, UUID locationId) {
        return fulfilments.delivered(orderId, locationId, past(at));
    }

    @Override
    public OrderReturn acceptReturn(Instant at, UUID orderId, ReturnRequest request, Channel channel) {
        return returns.accept(orderId, request, channel, setBackTo(at));
    }

    @Override
    public Recorded record(HistoricalOrder order) {
        return recorder.record(order);
    }

    @Override
    public List<Integer> recordReturn(HistoricalReturn returned) {
        return recorder.recordReturn(returned);
    }

    private Clock setBackTo(Instant at) {
        return Clock.offset(clock, Duration.between(clock.instant(), past(at)));
    }

    private Instant past(Instant at) {
        if (!at.isBefore(clock.instant())) {
            throw new InvalidRequestException("at", "must be in the past: an imported order happened before now");
        }
        return at;
    }
}
