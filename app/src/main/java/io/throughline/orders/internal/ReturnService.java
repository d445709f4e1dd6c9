package io.throughline.orders.internal;

import io.throughline.catalog.Sku;
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
import io.throughline.orders.internal.JdbcOrders.OrderRow;
import io.throughline.orders.internal.JdbcOrders.PaymentRow;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.tracking.Sources;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final JdbcOrders store;
    private final OrderProgress progress;
    private final StockLedger ledger;
    private final StockLocations locations;
    private final PaymentProcessors processors;
    private final Sources sources;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ReturnService(JdbcOrders store, OrderProgress progress, StockLedger ledger, StockLocations locations,
            PaymentProcessors processors, Sources sources, OrderEvents events, ApplicationEventPublisher publisher,
            Clock clock) {
        this.store = store;
        this.progress = progress;
        this.ledger = ledger;
        this.locations = locations;
        this.processors = processors;
        this.sources = sources;
        this.events = events;
        this.publisher = publisher;
        this.clock = OrderTime.over(clock);
    }

    @Override
    @Transactional
    public OrderReturn accept(UUID orderId, ReturnRequest request, String channel) {
        if (channel == null || channel.isBlank() || sources.findByChannel(channel).isEmpty()) {
            throw new InvalidRequestException("channel", "must be the channel key of a known source, e.g. shop-debrecen");
        }
        try {
            locations.get(request.locationId());
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("locationId", "location " + request.locationId() + " does not exist");
        }
        OrderRow order = store.lock(orderId);
        if (!OrderTransitions.allowed(order.state(), OrderState.PARTIALLY_RETURNED)
                && !OrderTransitions.allowed(order.state(), OrderState.RETURNED)) {
            throw new ConflictException("state", "Order " + order.number() + " is " + order.state()
                    + "; only goods handed over can be returned");
        }
        if (request.refundTo() == RefundTo.STORE_CREDIT && order.profileId() == null) {
            throw new InvalidRequestException("refundTo", "a guest order cannot be refunded to store credit");
        }
        Map<String, Integer> handedOver = new HashMap<>();
        for (Order.Shipment shipment : store.shipments(orderId)) {
            if (OrderTransitions.handedOver(shipment.state())) {
                shipment.lines().forEach(line -> handedOver.merge(line.sku(), line.quantity(), Integer::sum));
            }
        }
        List<Order.Line> lines = store.lines(orderId);
        List<ReturnPolicy.Refund> refunds = ReturnPolicy.refunds(lines, handedOver, request.lines());
        Money total = Money.zero(order.currency());
        for (ReturnPolicy.Refund refund : refunds) {
            total = total.plus(refund.amount());
        }
        Instant now = clock.instant();
        UUID returnId = Ids.newId(clock);
        if (request.refundTo() == RefundTo.STORE_CREDIT) {
            store.addStoreCredit(order.profileId(), total, now);
        } else {
            refundToPayment(order, returnId, total, now);
        }
        List<OrderReturn.Line> returned = new ArrayList<>();
        List<OrderEvents.Product> products = new ArrayList<>();
        for (ReturnPolicy.Refund refund : refunds) {
            ledger.record(new NewMovement(Sku.of(refund.sku()), request.locationId(), MovementKind.RETURN,
                    refund.quantity(), "order:" + orderId, "return " + returnId));
            store.returnedQuantity(orderId, refund.lineIndex(), refund.returnedAfter());
            returned.add(new OrderReturn.Line(refund.sku(), refund.quantity(), refund.amount()));
            Order.Line line = lines.stream().filter(candidate -> candidate.index() == refund.lineIndex()).findFirst()
                    .orElseThrow();
            products.add(new OrderEvents.Product(line.sku(), line.productId(), line.name(),
                    ReturnPolicy.paidFor(line, 1), refund.quantity()));
        }
        OrderReturn accepted = new OrderReturn(returnId, orderId, order.number(), channel, request.locationId(),
                order.profileId(), returned, total, request.refundTo(),
                request.reason() == null || request.reason().isBlank() ? null : request.reason().strip(), now);
        store.insertReturn(accepted);
        progress.advance(order, now, channel);
        publisher.publishEvent(new ReturnAccepted(returnId, orderId, order.profileId(), channel, request.locationId(),
                returned, total, new Money(order.total(), order.currency()), request.refundTo(), now));
        events.refunded(FulfilmentService.shopper(order), channel, orderId, returnId, total, products);
        return accepted;
    }

    /** Back to the captured payment; an order still to be paid at pickup has nothing to refund to. */
    private void refundToPayment(OrderRow order, UUID returnId, Money amount, Instant now) {
        PaymentRow paid = store.paymentsOfOrder(order.id()).stream()
                .filter(row -> row.payment().state() == PaymentState.CAPTURED
                        || row.payment().state() == PaymentState.PARTIALLY_REFUNDED)
                .findFirst().orElseThrow(() -> new ConflictException("refundTo", "Order " + order.number()
                        + " has no captured payment to refund to; refund to STORE_CREDIT instead"));
        Payment payment = paid.payment();
        Money refunded = payment.refunded().plus(amount);
        if (refunded.compareTo(payment.amount()) > 0) {
            throw new ConflictException("refundTo", "The refund would exceed what was paid");
        }
        processors.of(payment.method()).refund(payment.id().toString(), "return:" + returnId, amount);
        store.refunded(payment.id(), refunded.minor(), refunded.compareTo(payment.amount()) == 0
                ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED, now);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderReturn> receivedAt(UUID locationId, PageRequest page) {
        locations.get(locationId);
        return store.returnsAt(locationId, page);
    }

    @Override
    @Transactional(readOnly = true)
    public Money storeCredit(UUID profileId, String currency) {
        Money.zero(currency);
        return store.storeCredit(profileId, currency);
    }
}
