package io.throughline.orders.internal;

import io.throughline.events.EventProduct;
import io.throughline.orders.HistoricalOrder;
import io.throughline.orders.HistoricalOrders;
import io.throughline.orders.HistoricalReturn;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.OrderState;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records orders and returns that another system kept, in the caller's transaction, writing what a live order
 * writes — the order with its lines and history, {@link OrderPlaced}, "Order Completed" and "Product Returned" on
 * her timeline — dated when they happened. Ids carry that time too (UUIDv7 from a clock set to it).
 */
@Component
class HistoryRecorder {

    private final HistoricalOrderStore store;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    HistoryRecorder(HistoricalOrderStore store, OrderEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    HistoricalOrders.Recorded record(HistoricalOrder order) {
        past(order);
        Clock then = Clock.fixed(order.at(), clock.getZone());
        UUID orderId = Ids.newId(then);
        UUID checkoutId = Ids.newId(then);
        OrderState state = HistoricalOrderStore.finalState(order.delivery());
        List<OrderState> history = state == OrderState.DELIVERED ? List.of(OrderState.PLACED, OrderState.DELIVERED)
                : List.of(state);
        long total = 0;
        for (HistoricalOrder.Line line : order.lines()) {
            if (!line.unitPrice().currency().equals(order.currency())) {
                throw new InvalidRequestException("currency", "every line of an order is in the order's currency");
            }
            total = Math.addExact(total, Math.multiplyExact(line.unitPrice().minor(), line.quantity()));
        }
        Optional<UUID> written = store.insert(orderId, checkoutId, order, history, state, total);
        if (written.isEmpty()) {
            return new HistoricalOrders.Recorded(store.recorded(order.number()).orElseThrow(), false);
        }
        Money sold = new Money(total, order.currency());
        List<OrderPlaced.Item> items = order.lines().stream().map(line -> new OrderPlaced.Item(line.sku(),
                line.quantity(), line.unitPrice().times(line.quantity()))).toList();
        publisher.publishEvent(new OrderPlaced(orderId, order.number(), order.profileId(), order.channel().key(),
                order.delivery(), sold, items, order.at()));
        List<EventProduct> products = order.lines().stream().map(line -> new EventProduct(line.sku(),
                line.productId(), line.name(), line.unitPrice(), line.quantity())).toList();
        events.historicalOrderCompleted(new OrderEvents.Shopper(order.profileId(), order.anonymousId()),
                order.channel(), order.at(), orderId, order.number(), checkoutId, sold, products, order.country());
        return new HistoricalOrders.Recorded(orderId, true);
    }

    @Transactional
    List<Integer> recordReturn(HistoricalReturn returned) {
        if (!returned.at().isBefore(clock.instant())) {
            throw new InvalidRequestException("at", "must be in the past: an imported return happened before now");
        }
        List<Integer> taken = new ArrayList<>(returned.lines().size());
        UUID profileId = returned.profileId();
        for (HistoricalReturn.Line line : returned.lines()) {
            if (profileId == null || line.quantity() < 1) {
                taken.add(0);
                continue;
            }
            int wanted = line.quantity();
            for (HistoricalOrderStore.Returnable from : store.returnable(profileId, line.sku(), returned.at())) {
                if (wanted == 0) {
                    break;
                }
                int units = Math.min(wanted, from.left());
                store.takeBack(from.orderId(), from.index(), units, returned.at());
                events.historicalProductReturned(new OrderEvents.Shopper(profileId, null), returned.channel(),
                        returned.at(), from.orderId(), returned.number(),
                        new EventProduct(line.sku(), null, line.name(), null, units));
                wanted -= units;
            }
            taken.add(line.quantity() - wanted);
        }
        return taken;
    }

    private void past(HistoricalOrder order) {
        if (!order.at().isBefore(clock.instant())) {
            throw new InvalidRequestException("at", "must be in the past: an imported order happened before now");
        }
    }
}
