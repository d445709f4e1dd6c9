package io.throughline.orders.internal;

import io.throughline.inventory.Reservations;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.Order;
import io.throughline.orders.OrderCancelled;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.internal.JdbcOrders.OrderRow;
import io.throughline.orders.internal.JdbcOrders.PaymentRow;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders over the orders schema; the checkout itself is {@link Checkouts}. */
@Service
@EnableConfigurationProperties(OrdersProperties.class)
class OrderService implements Orders {

    private final Checkouts checkouts;
    private final JdbcOrders store;
    private final Reservations reservations;
    private final PaymentProcessors processors;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final OrdersProperties properties;

    OrderService(Checkouts checkouts, JdbcOrders store, Reservations reservations, PaymentProcessors processors,
            OrderEvents events, ApplicationEventPublisher publisher, Clock clock, OrdersProperties properties) {
        this.checkouts = checkouts;
        this.store = store;
        this.reservations = reservations;
        this.processors = processors;
        this.events = events;
        this.publisher = publisher;
        this.clock = OrderTime.over(clock);
        this.properties = properties;
    }

    @Override
    public Placed checkout(CheckoutRequest request, String channel, @Nullable UUID profileId, String idempotencyKey) {
        return checkouts.checkout(request, channel, profileId, idempotencyKey);
    }

    @Override
    @Transactional(readOnly = true)
    public Order get(UUID orderId) {
        return store.assemble(store.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> ofCustomer(UUID profileId, PageRequest page) {
        return store.ofProfile(profileId, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> list(Filter filter, PageRequest page) {
        return store.list(filter, page);
    }

    @Override
    @Transactional
    public Order cancel(UUID orderId, String channel, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequestException("reason", "must be 1 to 500 characters");
        }
        OrderRow order = store.lock(orderId);
        List<Order.Shipment> shipments = store.shipments(orderId);
        OrderTransitions.checkCancellable(order.number(), order.state(),
                shipments.stream().map(Order.Shipment::state).toList());
        Instant now = clock.instant();
        for (Order.Shipment shipment : shipments) {
            shipment.lines().forEach(line -> reservations.release(line.reservationId()));
            store.shipmentState(shipment.id(), ShipmentState.CANCELLED, null, null, now);
        }
        for (PaymentRow row : store.paymentsOfOrder(orderId)) {
            giveBack(row.payment(), now);
        }
        store.orderState(orderId, OrderState.CANCELLED, channel, now);
        publisher.publishEvent(new OrderCancelled(orderId, order.profileId(), channel, reason, now));
        events.orderCancelled(new OrderEvents.Shopper(order.profileId(), order.anonymousId()), channel, orderId,
                new io.throughline.platform.Money(order.total(), order.currency()), reason);
        return get(orderId);
    }

    /** An authorisation is voided, a capture refunded in full; a payment still due at pickup is simply dropped. */
    private void giveBack(Payment payment, Instant now) {
        var processor = processors.of(payment.method());
        String reference = payment.id().toString();
        switch (payment.state()) {
            case AUTHORISED, AUTHORISING, PENDING -> {
                processor.voidAuthorisation(reference);
                store.paymentState(payment.id(), PaymentState.VOIDED, null, null, now);
            }
            case CAPTURED, PARTIALLY_REFUNDED -> {
                var remaining = payment.amount().minus(payment.refunded());
                processor.refund(reference, "cancel:" + payment.id(), remaining);
                store.refunded(payment.id(), payment.amount().minor(), PaymentState.REFUNDED, now);
            }
            default -> { }
        }
    }

    @Override
    public int reconcile() {
        return checkouts.reconcile(clock.instant().minus(properties.reconcileAfter()));
    }
}
