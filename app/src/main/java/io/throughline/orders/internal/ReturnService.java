package io.throughline.orders.internal;

import io.throughline.catalog.Sku;
import io.throughline.events.EventProduct;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.OrderState;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentState;
import io.throughline.orders.RefundTo;
import io.throughline.orders.ReturnAccepted;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.Returns;
import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns in any channel: an online order returned at a shop's counter, a till sale returned by post to the
 * warehouse. The stock goes back at the receiving location with a RETURN movement; the refund goes to the
 * order's payment or to the customer's store credit, in the same transaction as the return.
 */
@Service
class ReturnService implements Returns {

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final PaymentStore payments;
    private final ReturnStore returns;
    private final OrderProgress progress;
    private final StockLedger ledger;
    private final StockLocations locations;
    private final PaymentProcessors processors;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ShopChannels shops;

    ReturnService(OrderStore orders, ShipmentStore shipments, PaymentStore payments, ReturnStore returns,
            OrderProgress progress, StockLedger ledger, StockLocations locations, PaymentProcessors processors,
            OrderEvents events, ApplicationEventPublisher publisher, Clock clock, ShopChannels shops) {
        this.shops = shops;
        this.orders = orders;
        this.shipments = shipments;
        this.payments = payments;
        this.returns = returns;
        this.progress = progress;
        this.ledger = ledger;
        this.locations = locations;
        this.processors = processors;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OrderReturn accept(UUID orderId, ReturnRequest request, Channel channel) {
        return accept(orderId, request, channel, clock);
    }

    /** @param clock the time the return happens at: now, or an imported order's time */
    @Transactional
    OrderReturn accept(UUID orderId, ReturnRequest request, Channel channel, Clock clock) {
        try {
            locations.get(request.locationId());
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("locationId", "location " + request.locationId() + " does not exist");
        }
        OrderRow order = orders.lock(orderId);
        if (!OrderTransitions.allowed(order.state(), OrderState.PARTIALLY_RETURNED)
                && !OrderTransitions.allowed(order.state(), OrderState.RETURNED)) {
            throw new ConflictException("state", "Order " + order.number() + " is " + order.state()
                    + "; only goods handed over can be returned");
        }
        if (request.refundTo() == RefundTo.STORE_CREDIT && order.profileId() == null) {
            throw new InvalidRequestException("refundTo", "a guest order cannot be refunded to store credit");
        }
        if (request.refundTo() == RefundTo.CASH && !shops.isShop(channel)) {
            throw new InvalidRequestException("refundTo", "CASH is only paid out at a shop's till; refund to "
                    + "ORIGINAL_PAYMENT or STORE_CREDIT");
        }
        Map<String, Integer> handedOver = new HashMap<>();
        for (Order.Shipment shipment : shipments.ofOrder(orderId)) {
            if (OrderTransitions.handedOver(shipment.state())) {
                shipment.lines().forEach(line -> handedOver.merge(line.sku(), line.quantity(), Integer::sum));
            }
        }
        List<Order.Line> lines = orders.lines(orderId);
        List<ReturnPolicy.Refund> refunds = ReturnPolicy.refunds(lines, handedOver, request.lines());
        Money total = Money.zero(order.currency());
        for (ReturnPolicy.Refund refund : refunds) {
            total = total.plus(refund.amount());
        }
        Instant now = clock.instant();
        UUID returnId = Ids.newId(clock);
        switch (request.refundTo()) {
            case STORE_CREDIT -> returns.addStoreCredit(Objects.requireNonNull(order.profileId()), total, now);
            case ORIGINAL_PAYMENT -> refundToPayment(order, returnId, total, now);
            // Counted out of the till's drawer; the return records it, and the payment keeps what it took.
            case CASH -> { }
        }
        List<OrderReturn.Line> returned = new ArrayList<>();
        List<EventProduct> products = new ArrayList<>();
        for (ReturnPolicy.Refund refund : refunds) {
            ledger.record(new NewMovement(Sku.of(refund.sku()), request.locationId(), MovementKind.RETURN,
                    refund.quantity(), "order:" + orderId, "return " + returnId));
            orders.returnedQuantity(orderId, refund.lineIndex(), refund.returnedAfter());
            returned.add(new OrderReturn.Line(refund.sku(), refund.quantity(), refund.amount()));
            Order.Line line = lines.stream().filter(candidate -> candidate.index() == refund.lineIndex()).findFirst()
                    .orElseThrow();
            products.add(new EventProduct(line.sku(), line.productId(), line.name(),
                    ReturnPolicy.paidFor(line, 1), refund.quantity()));
        }
        OrderReturn accepted = new OrderReturn(returnId, orderId, order.number(), channel.key(), request.locationId(),
                order.profileId(), returned, total, request.refundTo(),
                request.reason() == null || request.reason().isBlank() ? null : request.reason().strip(), now);
        returns.insert(accepted);
        progress.advance(order, now, channel.key());
        publisher.publishEvent(new ReturnAccepted(returnId, orderId, order.profileId(), channel.key(), request.locationId(),
                returned, total, new Money(order.total(), order.currency()), request.refundTo(), now));
        events.refunded(FulfilmentService.shopper(order), channel, now, orderId, returnId, total, products);
        return accepted;
    }

    /**
     * Back to the captured payments; an order still to be paid at pickup has nothing to refund to. A split sale is
     * paid back from its first payment on, each giving back at most what it took.
     */
    private void refundToPayment(OrderRow order, UUID returnId, Money amount, Instant now) {
        List<Payment> paid = payments.ofOrder(order.id()).stream().map(PaymentRow::payment)
                .filter(payment -> payment.state() == PaymentState.CAPTURED
                        || payment.state() == PaymentState.PARTIALLY_REFUNDED)
                .toList();
        if (paid.isEmpty()) {
            throw new ConflictException("refundTo", "Order " + order.number()
                    + " has no captured payment to refund to; refund to STORE_CREDIT instead");
        }
        long left = paid.stream().mapToLong(payment -> payment.amount().minor() - payment.refunded().minor()).sum();
        if (amount.minor() > left) {
            throw new ConflictException("refundTo", "The refund would exceed what was paid");
        }
        long owed = amount.minor();
        for (Payment payment : paid) {
            long share = Math.min(owed, payment.amount().minor() - payment.refunded().minor());
            if (share <= 0) {
                continue;
            }
            Money refunded = payment.refunded().plus(new Money(share, amount.currency()));
            processors.of(payment.method()).refund(payment.id().toString(), "return:" + returnId,
                    new Money(share, amount.currency()));
            payments.refunded(payment.id(), refunded.minor(), refunded.compareTo(payment.amount()) == 0
                    ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED, now);
            owed -= share;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderReturn> receivedAt(UUID locationId, PageRequest page) {
        locations.get(locationId);
        return returns.receivedAt(locationId, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Money storeCredit(UUID profileId, String currency) {
        Money.zero(currency);
        return returns.storeCredit(profileId, currency);
    }
}
