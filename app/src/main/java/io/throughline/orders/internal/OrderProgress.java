package io.throughline.orders.internal;

import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Moves an order to the state its shipments and returns now say, through the transition policy. */
@Component
class OrderProgress {

    private final OrderStore orders;
    private final ShipmentStore shipments;

    OrderProgress(OrderStore orders, ShipmentStore shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    /** @param channel the channel whose step moved it, for the order's history */
    OrderState advance(OrderRow order, Instant now, String channel) {
        var lines = orders.lines(order.id());
        int sold = lines.stream().mapToInt(Order.Line::quantity).sum();
        int returned = lines.stream().mapToInt(Order.Line::returnedQuantity).sum();
        OrderState next = OrderTransitions.derive(order.state(), order.delivery(),
                shipments.ofOrder(order.id()).stream().map(Order.Shipment::state).toList(), sold, returned);
        if (next != order.state()) {
            OrderTransitions.check(order.number(), order.state(), next);
            orders.state(order.id(), next, channel, now);
        }
        return next;
    }
}
