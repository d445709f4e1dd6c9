package io.throughline.orders.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.events.EventProduct;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.OrderState;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import io.throughline.pricing.RedemptionRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Placing an authorised checkout, inside the caller's transaction: the cart checked out, its coupons redeemed at
 * the price the payment was asked for, its stock allocated, and the order written in one statement with its
 * lines, shipments and history; {@link OrderPlaced} and "Order Completed" follow it.
 */
@Component
class Placement {

    private final Carts carts;
    private final Pricing pricing;
    private final Allocations allocations;
    private final OrderStore orders;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;

    Placement(Carts carts, Pricing pricing, Allocations allocations, OrderStore orders, OrderEvents events,
            ApplicationEventPublisher publisher) {
        this.carts = carts;
        this.pricing = pricing;
        this.allocations = allocations;
        this.orders = orders;
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * The order as written, in the order the store reads it back, so that the answer needs no read.
     *
     * @param payments            the checkout's payments, a split's parts first
     * @param processorReferences each payment's authorisation reference, in the same order
     */
    Order place(UUID checkoutId, CheckoutRequest request, Channel channel, @Nullable UUID profileId,
            List<Payment> payments, List<String> processorReferences, Clock clock) {
        Instant now = Checkouts.storedNow(clock);
        UUID orderId = Ids.newId(clock);
        Cart cart = carts.checkOut(request.cartId(), orderId, channel, profileId);
        Checkouts.checkPriced(cart);
        Quote sold = pricing.redeem(new RedemptionRequest("order:" + orderId, quoteRequest(cart, channel))).quote();
        long paid = payments.stream().mapToLong(payment -> payment.amount().minor()).sum();
        if (sold.total().minor() != paid) {
            throw new ConflictException("cartId", "The cart changed while the payment was asked for (now "
                    + sold.total().amount() + " " + sold.currency() + "); check out again");
        }
        DeliveryMethod delivery = request.delivery();
        List<Order.Shipment> shipments = allocations.allocate(cart, orderId, delivery, request.address(), clock, now);
        OrderState state = delivery == DeliveryMethod.COUNTER ? OrderState.PICKED_UP : OrderState.PLACED;
        List<Order.Line> lines = lines(cart, sold);
        UUID pickupLocation = cart.fulfilment() != null && cart.fulfilment().kind() == Fulfilment.Kind.PICKUP
                ? cart.fulfilment().locationId() : null;
        boolean atPickup = payments.size() == 1 && payments.getFirst().method() == PaymentMethod.PAY_AT_PICKUP;
        OrderRow unnumbered = new OrderRow(orderId, "", state, channel.key(), cart.id(), checkoutId, cart.profileId(),
                cart.profileId() == null ? cart.anonymousId() : null, cart.currency(), delivery,
                delivery == DeliveryMethod.COUNTER ? shipments.getFirst().locationId() : pickupLocation,
                request.address(), sold.adjustments(), cart.coupons(), sold.subtotal().minor(),
                sold.discount().minor(), sold.total().minor(), now, now);
        String number = orders.place(new OrderStore.Placement(unnumbered, lines, shipments,
                        payments.stream().map(Payment::id).toList(), atPickup ? null : PaymentState.AUTHORISED,
                        atPickup ? List.of() : processorReferences))
                .orElseThrow(() -> new ConflictException("Idempotency-Key",
                        "The checkout was settled while the payment was asked for"));
        OrderRow order = new OrderRow(orderId, number, state, unnumbered.channel(), unnumbered.cartId(), checkoutId,
                unnumbered.profileId(), unnumbered.anonymousId(), unnumbered.currency(), delivery,
                unnumbered.pickupLocationId(), unnumbered.address(), unnumbered.adjustments(), unnumbered.coupons(),
                unnumbered.subtotal(), unnumbered.discount(), unnumbered.total(), now, now);
        publisher.publishEvent(new OrderPlaced(orderId, number, cart.profileId(), channel.key(), delivery,
                sold.total(), lines.stream().map(line -> new OrderPlaced.Item(line.sku(), line.quantity(),
                        line.total())).toList(), now, new Money(payments.stream()
                        .filter(payment -> payment.method() == PaymentMethod.POINTS)
                        .mapToLong(payment -> payment.amount().minor()).sum(), sold.currency())));
        if (delivery == DeliveryMethod.COUNTER) {
            publisher.publishEvent(new OrderPickedUp(orderId, cart.profileId(), shipments.getFirst().locationId(),
                    channel.key(), now));
        }
        events.orderCompleted(Checkouts.shopper(cart), channel, now, orderId, checkoutId, sold.total(),
                sold.discount(), cart.coupons(), products(cart, sold));
        List<Payment> placed = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            placed.add(new Payment(payment.id(), payment.method(),
                    atPickup ? payment.state() : PaymentState.AUTHORISED, payment.amount(), payment.refunded(),
                    atPickup ? payment.processorReference() : processorReferences.get(i), payment.cardLast4(),
                    payment.declineReason(), payment.createdAt(), now));
        }
        return OrderAssembler.assemble(order, lines, shipments, List.copyOf(placed), List.of(),
                List.of(new Order.StateChange(state, now, channel.key())));
    }

    static QuoteRequest quoteRequest(Cart cart, Channel channel) {
        return new QuoteRequest(channel.key(), cart.currency(), cart.profileId(), null, null, cart.coupons(),
                cart.lines().stream().map(line -> new QuoteRequest.LineRequest(line.sku(), line.quantity())).toList(),
                null);
    }

    /** The quote's lines as sold, named as the cart shows them. */
    private static List<Order.Line> lines(Cart cart, Quote sold) {
        Map<String, Cart.Line> bySku = bySku(cart);
        List<Order.Line> lines = new ArrayList<>();
        for (Quote.Line line : sold.lines()) {
            Cart.Line item = bySku.get(line.sku());
            lines.add(new Order.Line(line.index(), line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.quantity(), line.unitPrice(), line.subtotal(),
                    line.discount(), line.total(), 0));
        }
        return lines;
    }

    static List<EventProduct> products(Cart cart, Quote quote) {
        Map<String, Cart.Line> bySku = bySku(cart);
        List<EventProduct> products = new ArrayList<>();
        for (Quote.Line line : quote.lines()) {
            Cart.Line item = bySku.get(line.sku());
            products.add(new EventProduct(line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.unitPrice(), line.quantity()));
        }
        return products;
    }

    private static Map<String, Cart.Line> bySku(Cart cart) {
        Map<String, Cart.Line> bySku = new LinkedHashMap<>();
        cart.lines().forEach(line -> bySku.put(line.sku(), line));
        return bySku;
    }
}
