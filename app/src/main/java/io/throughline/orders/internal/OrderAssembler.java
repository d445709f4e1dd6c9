package io.throughline.orders.internal;

import io.throughline.orders.Order;
import io.throughline.orders.Payment;
import io.throughline.platform.Money;
import java.util.List;
import org.springframework.stereotype.Component;

/** The whole order as the API shows it, from its row and the stores of its parts. */
@Component
class OrderAssembler {

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final PaymentStore payments;
    private final ReturnStore returns;

    OrderAssembler(OrderStore orders, ShipmentStore shipments, PaymentStore payments, ReturnStore returns) {
        this.orders = orders;
        this.shipments = shipments;
        this.payments = payments;
        this.returns = returns;
    }

    Order assemble(OrderRow row) {
        return assemble(row, orders.lines(row.id()), shipments.ofOrder(row.id()),
                payments.ofOrder(row.id()).stream().map(PaymentRow::payment).toList(), returns.ofOrder(row.id()),
                orders.history(row.id()));
    }

    /** The order from its row and parts the caller already has. */
    static Order assemble(OrderRow row, List<Order.Line> lines, List<Order.Shipment> shipments,
            List<Payment> payments, List<Order.ReturnSummary> returns, List<Order.StateChange> history) {
        return new Order(row.id(), row.number(), row.state(), row.channel(), row.cartId(), row.checkoutId(),
                row.profileId(), row.anonymousId(), row.currency(), row.delivery(), row.pickupLocationId(),
                row.address(), lines, row.adjustments(), row.coupons(), new Money(row.subtotal(), row.currency()),
                new Money(row.discount(), row.currency()), new Money(row.total(), row.currency()), shipments,
                payments, returns, history, row.placedAt(), row.updatedAt());
    }
}
