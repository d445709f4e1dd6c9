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
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.tracking.Channels;
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
    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final PaymentStore payments;
    private final OrderAssembler assembler;
    private final Reservations reservations;
    private final PaymentProcessors processors;
    private final Channels channels;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    OrderService(Checkouts checkouts, OrderStore orders, ShipmentStore shipments, PaymentStore payments,
            OrderAssembler assembler, Reservations reservations, PaymentProcessors processors, Channels channels,
            OrderEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.shipments = shipments;
        this.payments = payments;
        this.assembler = assembler;
        this.reservations = reservations;
        this.processors = processors;
        this.channels = channels;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Placed checkout(CheckoutRequest request, Channel channel, @Nullable UUID profileId, String idempotencyKey) {
        return checkouts.checkout(request, channel, profileId, idempotencyKey, clock);
    }

    @Override
    @Transactional(readOnly = true)
    public Order get(UUID orderId) {
        return assembler.assemble(orders.find(orderId).orElseThrow(() -> new NotFoundException("Order", orderId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> ofCustomer(UUID profileId, PageRequest page) {
        return orders.ofProfile(profileId, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> list(Filter filter, PageRequest page) {
        return orders.list(filter, page);
    }

    @Override
    @Transactional
    public Order cancel(UUID orderId, String channel, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidRequestException("reason", "must be 1 to 500 characters");
        }
        OrderRow order = orders.lock(orderId);
        List<Order.Shipment> parts = shipments.ofOrder(orderId);
        OrderTransitions.checkCancellable(order.number(), order.state(),
                parts.stream().map(Order.Shipment::state).toList());
        Instant now = clock.instant();
        for (Order.Shipment shipment : parts) {
            shipment.lines().forEach(line -> reservations.release(line.reservationId()));
            shipments.state(shipment.id(), ShipmentState.CANCELLED, null, null, now);
        }
        for (PaymentRow row : payments.ofOrder(orderId)) {
            giveBack(row.payment(), now);
        }
        orders.state(orderId, OrderState.CANCELLED, channel, now);
        publisher.publishEvent(new OrderCancelled(orderId, order.profileId(), channel, reason, now));
        channels.find(channel).ifPresent(known -> events.orderCancelled(
                new OrderEvents.Shopper(order.profileId(), order.anonymousId()), known, now, orderId,
                order.totalMoney(), reason));
        return get(orderId);
    }

    /** An authorisation is voided, a capture refunded in full; a payment still due at pickup is simply dropped. */
    private void giveBack(Payment payment, Instant now) {
        var processor = processors.of(payment.method());
        String reference = payment.id().toString();
        switch (payment.state()) {
            case AUTHORISED, AUTHORISING, PENDING -> {
                processor.voidAuthorisation(reference);
                payments.state(payment.id(), PaymentState.VOIDED, null, null, now);
            }
            case CAPTURED, PARTIALLY_REFUNDED -> {
                var remaining = payment.amount().minus(payment.refunded());
                processor.refund(reference, "cancel:" + payment.id(), remaining);
                payments.refunded(payment.id(), payment.amount().minor(), PaymentState.REFUNDED, now);
            }
            default -> { }
        }
    }
}
