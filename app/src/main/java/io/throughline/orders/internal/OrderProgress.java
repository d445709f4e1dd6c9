package io.throughline.orders.internal;

import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import io.throughline.orders.internal.JdbcOrders.OrderRow;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Moves an order to the state its shipments and returns now say, through the transition policy. */
@Component
class OrderProgress {

    private final JdbcOrders store;

    OrderProgress(JdbcOrders store) {
        this.store = store;
    }

    /** @param channel the channel whose step moved it, for the order's history */
    OrderState advance(OrderRow order, Instant now, String channel) {
        var lines = store.lines(order.id());
        int sold = lines.stream().mapToInt(Order.Line::quantity).sum();
        int returned = lines.stream().mapToInt(Order.Line::returnedQuantity).sum();
        OrderState next = OrderTransitions.derive(order.state(), order.delivery(),
                store.shipments(order.id()).stream().map(Order.Shipment::state).toList(), sold, returned);
        if (next != order.state()) {
            OrderTransitions.check(order.number(), order.state(), next);
            store.orderState(order.id(), next, channel, now);
        }
        return next;
    }
}
