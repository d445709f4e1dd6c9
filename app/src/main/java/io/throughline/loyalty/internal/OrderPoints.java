package io.throughline.loyalty.internal;

import io.throughline.orders.OrderCancelled;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.ReturnAccepted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the orders of every channel. The publication registry keeps each event until its listener has
 * committed, so an order placed just before a crash earns its points after the restart; the order's id as the
 * movement's reference makes a second delivery earn nothing.
 */
@Component
class OrderPoints {

    private final OrderEarnings earnings;

    OrderPoints(OrderEarnings earnings) {
        this.earnings = earnings;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        earnings.earn(placed);
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        earnings.cancel(cancelled);
    }

    @ApplicationModuleListener
    void on(ReturnAccepted accepted) {
        earnings.reverse(accepted);
    }
}
