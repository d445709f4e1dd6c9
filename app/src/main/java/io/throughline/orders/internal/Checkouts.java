package io.throughline.orders.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.CheckoutRefused;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderPickedUp;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.OrderState;
import io.throughline.orders.Orders;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentProcessor;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.internal.JdbcOrders.CheckoutRow;
import io.throughline.orders.internal.JdbcOrders.OrderRow;
import io.throughline.orders.internal.JdbcOrders.PaymentRow;
import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.PageRequest;
import io.throughline.platform.ThroughlineException;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import io.throughline.pricing.RedemptionRequest;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkout, in three steps so that no database transaction waits on a payment processor:
 * <ol>
 * <li>prepare (one transaction): check the cart and the channel's rules, make sure every line's stock is held,
 *     record the checkout's payment as AUTHORISING, say "Checkout Started";</li>
 * <li>authorise (no transaction): ask the processor; a decline or an error ends the checkout with the cart as
 *     it was — its holds stay with the cart and lapse with it;</li>
 * <li>place (one transaction): check the cart out, redeem its coupons, turn its holds into allocations, insert
 *     the order, its shipments and the payment's AUTHORISED state; then capture. When placing is refused the
 *     authorisation is voided.</li>
 * </ol>
 * A crash between the steps leaves a STARTED checkout or an AUTHORISED payment behind, which {@link #reconcile}
 * settles. The idempotency key is claimed by inserting the checkout row: one request runs, repeats wait for
 * its outcome and replay it.
 */
@Component
class Checkouts {

    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);
    private static final Duration ALLOCATION_HOLD = Duration.ofMinutes(5);
    private static final int RECONCILE_BATCH = 200;

    private record Prepared(Cart cart, Payment payment, PaymentProcessor processor) {

        Money amount() {
            return payment.amount();
        }
    }

    private final Carts carts;
    private final Pricing pricing;
    private final Reservations reservations;
    private final StockLocations locations;
    private final StockLedger ledger;
    private final Sources sources;
    private final JdbcOrders store;
    private final PaymentProcessors processors;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final OrdersProperties properties;

    Checkouts(Carts carts, Pricing pricing, Reservations reservations, StockLocations locations, StockLedger ledger,
            Sources sources, JdbcOrders store, PaymentProcessors processors, OrderEvents events,
            ApplicationEventPublisher publisher, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            OrdersProperties properties) {
        this.carts = carts;
        this.pricing = pricing;
        this.reservations = reservations;
        this.locations = locations;
        this.ledger = ledger;
        this.sources = sources;
        this.store = store;
        this.processors = processors;
        this.events = events;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = OrderTime.over(clock);
        this.properties = properties;
    }

    Orders.Placed checkout(CheckoutRequest request, String channel, @Nullable UUID profileId, String idempotencyKey) {
        String key = IdempotencyKeys.check(idempotencyKey);
        Source source = source(channel);
        String card = CheckoutPolicy.check(request, source.channelType() == ChannelType.STORE);
        if (card != null) {
            // Refused before anything is asked of a processor, so the shopper can correct it.
            TestCards.outcome(card);
        }
        String hash = hash(request, channel, profileId);
        Instant deadline = clock.instant().plus(properties.repeatWait());
        while (true) {
            Instant now = clock.instant();
            CheckoutRow claim = new CheckoutRow(Ids.newId(clock), key, hash, request.cartId(), channel, "STARTED",
                    null, null, null, null, null, now, now);
            Optional<Prepared> prepared = claimAndPrepare(claim, request, channel, profileId, card);
            if (prepared.isPresent()) {
                return run(claim, request, channel, profileId, card, prepared.get());
            }
            Optional<CheckoutRow> existing = store.checkoutByKey(key);
            if (existing.isEmpty()) {
                continue;
            }
            CheckoutRow row = existing.get();
            if (!row.requestHash().equals(hash)) {
                throw CheckoutRefused.keyReused("Idempotency-Key " + key + " was used for another checkout request; "
                        + "use a new key for a new request");
            }
            switch (row.state()) {
                case "PLACED" -> {
                    return new Orders.Placed(store.assemble(store.find(row.orderId()).orElseThrow()), false);
                }
                case "REFUSED" -> throw new CheckoutRefused(row.outcomeStatus(), row.outcomeType(),
                        row.outcomeField(), row.outcomeDetail());
                default -> {
                    if (clock.instant().isAfter(deadline)) {
                        throw new ConflictException("Idempotency-Key", "The checkout with this key is still in "
                                + "progress; repeat the request later");
                    }
                    pause();
                }
            }
        }
    }

    /**
     * Claims the idempotency key and prepares the checkout in one transaction, so that both cost one commit; empty
     * when another request holds the key. A repeat arriving meanwhile waits on the key's index entry until this
     * commits. A refusal rolls the claim back with the rest: nothing was asked of a processor, so the key is free
     * again for the corrected request.
     */
    private Optional<Prepared> claimAndPrepare(CheckoutRow claim, CheckoutRequest request, String channel,
            @Nullable UUID profileId, @Nullable String card) {
        return Optional.ofNullable(tx.execute(status -> store.claim(claim)
                ? prepare(claim, request, channel, profileId, card) : null));
    }

    private Orders.Placed run(CheckoutRow checkout, CheckoutRequest request, String channel, @Nullable UUID profileId,
            @Nullable String card, Prepared prepared) {
        PaymentMethod method = request.payment().method();
        String reference = prepared.payment().id().toString();
        PaymentProcessor.Outcome outcome;
        try {
            outcome = prepared.processor().authorise(reference, method, prepared.amount(), card, channel);
        } catch (RuntimeException failed) {
            log.warn("The {} processor failed to answer an authorisation: {}", method, failed.toString());
            outcome = new PaymentProcessor.Outcome.Failed("The payment processor did not answer; nothing was taken");
        }
        if (!(outcome instanceof PaymentProcessor.Outcome.Approved approved)) {
            boolean declined = outcome instanceof PaymentProcessor.Outcome.Declined;
            String reason = outcome instanceof PaymentProcessor.Outcome.Declined d ? d.reason()
                    : ((PaymentProcessor.Outcome.Failed) outcome).reason();
            CheckoutRefused refusal = declined ? CheckoutRefused.declined(reason)
                    : new CheckoutRefused(402, "payment-failed", "payment", reason);
            tx.executeWithoutResult(status -> {
                store.paymentState(prepared.payment().id(), declined ? PaymentState.DECLINED : PaymentState.FAILED,
                        null, reason, clock.instant());
                refuse(checkout.id(), refusal);
            });
            throw refusal;
        }
        Order order;
        try {
            order = tx.execute(status -> place(checkout, request, channel, profileId, prepared, approved));
        } catch (RuntimeException refused) {
            prepared.processor().voidAuthorisation(reference);
            CheckoutRefused refusal = refusal(refused);
            tx.executeWithoutResult(status -> {
                store.paymentState(prepared.payment().id(), PaymentState.VOIDED, approved.processorReference(), null,
                        clock.instant());
                refuse(checkout.id(), refusal);
            });
            if (refused instanceof ThroughlineException) {
                throw refusal;
            }
            throw refused;
        }
        Payment payment = order.payments().getFirst();
        if (payment.state() == PaymentState.AUTHORISED) {
            Instant captured = capture(prepared.processor(), payment);
            if (captured != null) {
                // The order as placed, with the capture the line above recorded: no need to read it all back.
                order = withPayment(order, new Payment(payment.id(), payment.method(), PaymentState.CAPTURED,
                        payment.amount(), payment.refunded(), payment.processorReference(), payment.cardLast4(),
                        payment.declineReason(), payment.createdAt(), captured));
            }
        }
        return new Orders.Placed(order, true);
    }

    private Prepared prepare(CheckoutRow checkout, CheckoutRequest request, String channel, @Nullable UUID profileId,
            @Nullable String card) {
        Cart cart = carts.holdForCheckout(request.cartId(), cartChannel(channel), profileId);
        Quote quote = checkPriced(cart);
        checkDelivery(request.delivery(), cart, channel);
        Instant now = storedNow();
        PaymentMethod method = request.payment().method();
        boolean atPickup = method == PaymentMethod.PAY_AT_PICKUP;
        Payment payment = new Payment(Ids.newId(clock), method,
                atPickup ? PaymentState.PENDING : PaymentState.AUTHORISING, quote.total(), Money.zero(quote.currency()),
                null, card == null ? null : TestCardProcessor.last4(card), null, now, now);
        store.insertPayment(new PaymentRow(payment, checkout.id(), null));
        events.checkoutStarted(shopper(cart), channel, checkout.id(), quote.total(), cart.coupons(),
                products(cart, quote));
        return new Prepared(cart, payment, processors.of(method));
    }

    private Order place(CheckoutRow checkout, CheckoutRequest request, String channel, @Nullable UUID profileId,
            Prepared prepared, PaymentProcessor.Outcome.Approved approved) {
        if (store.lockUnfinished(checkout.id()).isEmpty()) {
            throw new ConflictException("Idempotency-Key", "The checkout was settled while the payment was asked for");
        }
        Instant now = storedNow();
        UUID orderId = Ids.newId(clock);
        Cart cart = carts.checkOut(request.cartId(), orderId, cartChannel(channel), profileId);
        checkPriced(cart);
        Quote sold = pricing.redeem(new RedemptionRequest("order:" + orderId, quoteRequest(cart, channel))).quote();
        if (sold.total().compareTo(prepared.amount()) != 0) {
            throw new ConflictException("cartId", "The cart changed while the payment was asked for (now "
                    + sold.total().amount() + " " + sold.currency() + "); check out again");
        }
        DeliveryMethod delivery = request.delivery();
        List<Order.Shipment> shipments = delivery == DeliveryMethod.SHIP_FROM_STORE
                ? shipFromStore(cart, orderId, request, now) : allocateHolds(cart, delivery, now);
        OrderState state = delivery == DeliveryMethod.COUNTER ? OrderState.PICKED_UP : OrderState.PLACED;
        Map<String, Cart.Line> cartLines = new LinkedHashMap<>();
        cart.lines().forEach(line -> cartLines.put(line.sku(), line));
        List<Order.Line> lines = new ArrayList<>();
        for (Quote.Line line : sold.lines()) {
            Cart.Line item = cartLines.get(line.sku());
            lines.add(new Order.Line(line.index(), line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.quantity(), line.unitPrice(), line.subtotal(),
                    line.discount(), line.total(), 0));
        }
        String number = store.nextNumber();
        UUID pickupLocation = cart.fulfilment() != null && cart.fulfilment().kind() == Fulfilment.Kind.PICKUP
                ? cart.fulfilment().locationId() : null;
        OrderRow order = new OrderRow(orderId, number, state, channel, cart.id(), checkout.id(), cart.profileId(),
                cart.profileId() == null ? cart.anonymousId() : null, cart.currency(), delivery,
                delivery == DeliveryMethod.COUNTER ? shipments.getFirst().locationId() : pickupLocation,
                request.address(), sold.adjustments(), cart.coupons(), sold.subtotal().minor(),
                sold.discount().minor(), sold.total().minor(), now, now);
        store.insert(order, lines);
        shipments.forEach(shipment -> store.insertShipment(orderId, shipment));
        store.paymentOfOrder(prepared.payment().id(), orderId, now);
        if (request.payment().method() != PaymentMethod.PAY_AT_PICKUP) {
            store.paymentState(prepared.payment().id(), PaymentState.AUTHORISED, approved.processorReference(), null,
                    now);
        }
        store.placed(checkout.id(), orderId, now);
        List<OrderPlaced.Item> items = lines.stream()
                .map(line -> new OrderPlaced.Item(line.sku(), line.quantity(), line.total())).toList();
        publisher.publishEvent(new OrderPlaced(orderId, number, cart.profileId(), channel, delivery, sold.total(), items,
                now));
        if (delivery == DeliveryMethod.COUNTER) {
            publisher.publishEvent(new OrderPickedUp(orderId, cart.profileId(), shipments.getFirst().locationId(),
                    channel, now));
        }
        events.orderCompleted(shopper(cart), channel, orderId, checkout.id(), sold.total(), sold.discount(),
                cart.coupons(), products(cart, sold));
        // The order as just written, in the order the store reads it back: no need to read it all again.
        Payment paid = prepared.payment();
        boolean atPickup = request.payment().method() == PaymentMethod.PAY_AT_PICKUP;
        Payment payment = new Payment(paid.id(), paid.method(), atPickup ? paid.state() : PaymentState.AUTHORISED,
                paid.amount(), paid.refunded(), atPickup ? paid.processorReference() : approved.processorReference(),
                paid.cardLast4(), paid.declineReason(), paid.createdAt(), now);
        List<Order.Shipment> stored = shipments.stream()
                .sorted(Comparator.comparing(Order.Shipment::locationCode))
                .map(shipment -> new Order.Shipment(shipment.id(), shipment.locationId(), shipment.locationCode(),
                        shipment.state(), shipment.lines().stream()
                                .sorted(Comparator.comparing(Order.ShipmentLine::sku)).toList(),
                        shipment.trackingNumber(), shipment.pickupCode(), shipment.updatedAt()))
                .toList();
        return store.assemble(order, lines, stored, List.of(payment), List.of(),
                List.of(new Order.StateChange(state, now, channel)));
    }

    /** The cart's holds become the order's allocations, one shipment per location; at the counter, sold at once. */
    private List<Order.Shipment> allocateHolds(Cart cart, DeliveryMethod delivery, Instant now) {
        Map<UUID, List<Order.ShipmentLine>> byLocation = new LinkedHashMap<>();
        for (Cart.Line line : cart.lines()) {
            if (line.hold() == null || !line.hold().active()) {
                throw new ConflictException("lines", line.sku() + " is no longer held; view the cart to hold it again");
            }
            Reservation allocation = reservations.confirm(line.hold().reservationId());
            if (delivery == DeliveryMethod.COUNTER) {
                reservations.fulfil(allocation.id());
            }
            byLocation.computeIfAbsent(allocation.locationId(), location -> new ArrayList<>())
                    .add(new Order.ShipmentLine(line.sku(), line.quantity(), allocation.id()));
        }
        ShipmentState state = delivery == DeliveryMethod.COUNTER ? ShipmentState.PICKED_UP : ShipmentState.ALLOCATED;
        List<Order.Shipment> shipments = new ArrayList<>();
        byLocation.forEach((location, lines) -> shipments.add(new Order.Shipment(Ids.newId(clock), location,
                locations.get(location).code(), state, lines, null, null, now)));
        return shipments;
    }

    /** The cart's holds go back; the stock is allocated at the shops nearest the address that ship and have it. */
    private List<Order.Shipment> shipFromStore(Cart cart, UUID orderId, CheckoutRequest request, Instant now) {
        for (Cart.Line line : cart.lines()) {
            if (line.hold() != null) {
                reservations.release(line.hold().reservationId());
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        cart.lines().forEach(line -> ordered.merge(line.sku(), line.quantity(), Integer::sum));
        List<AllocationPolicy.Site> sites = new ArrayList<>();
        for (StockLocation location : locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            if (!location.shipFromStore()) {
                continue;
            }
            Map<String, Integer> available = new LinkedHashMap<>();
            ordered.keySet().forEach(sku -> available.put(sku, ledger.level(Sku.of(sku), location.id()).unreserved()));
            sites.add(new AllocationPolicy.Site(location.id(), location.code(), location.latitude(),
                    location.longitude(), location.address().postalCode(), available));
        }
        var address = request.address();
        List<AllocationPolicy.Allocation> plan = AllocationPolicy.allocate(ordered, sites,
                new AllocationPolicy.Destination(address.latitude(), address.longitude(), address.postalCode()));
        Map<UUID, List<Order.ShipmentLine>> byLocation = new LinkedHashMap<>();
        Map<UUID, String> codes = new LinkedHashMap<>();
        for (AllocationPolicy.Allocation allocation : plan) {
            Reservation held = reservations.reserve(Sku.of(allocation.sku()), allocation.locationId(),
                    allocation.quantity(), "order:" + orderId, ALLOCATION_HOLD);
            reservations.confirm(held.id());
            codes.put(allocation.locationId(), allocation.code());
            byLocation.computeIfAbsent(allocation.locationId(), location -> new ArrayList<>())
                    .add(new Order.ShipmentLine(allocation.sku(), allocation.quantity(), held.id()));
        }
        List<Order.Shipment> shipments = new ArrayList<>();
        byLocation.forEach((location, lines) -> shipments.add(new Order.Shipment(Ids.newId(clock), location,
                codes.get(location), ShipmentState.ALLOCATED, lines, null, null, now)));
        return shipments;
    }

    private void checkDelivery(DeliveryMethod delivery, Cart cart, String channel) {
        boolean pickup = cart.fulfilment() != null && cart.fulfilment().kind() == Fulfilment.Kind.PICKUP;
        switch (delivery) {
            case PICKUP -> {
                if (!pickup) {
                    throw new ConflictException("delivery", "The cart has no pickup shop; choose one with "
                            + "PUT /api/carts/" + cart.id() + "/fulfilment first");
                }
            }
            case HOME_DELIVERY, SHIP_FROM_STORE -> {
                if (pickup) {
                    throw new ConflictException("delivery", "The cart is set for pickup at "
                            + cart.fulfilment().locationCode() + "; choose delivery on the cart first");
                }
            }
            case COUNTER -> {
                StockLocation shop = locations.findByCode(channel).orElseThrow(() -> new InvalidRequestException(
                        "channel", "no stock location has the code " + channel + ", so it cannot sell over the counter"));
                for (Cart.Line line : cart.lines()) {
                    if (line.hold() == null || !line.hold().locationId().equals(shop.id())) {
                        throw new ConflictException("delivery", line.sku() + " is not held at " + channel
                                + "; it cannot be handed over at this counter");
                    }
                }
            }
        }
    }

    private static Quote checkPriced(Cart cart) {
        if (cart.quote() == null) {
            throw new ConflictException("cartId", cart.pricingProblem() != null ? cart.pricingProblem()
                    : "Cart " + cart.id() + " is empty");
        }
        if (!cart.couponIssues().isEmpty()) {
            Cart.CouponIssue issue = cart.couponIssues().getFirst();
            throw new ConflictException("coupons", "Coupon " + issue.code() + " does not apply: " + issue.reason()
                    + "; remove it from the cart to check out");
        }
        return cart.quote();
    }

    /** When the payment was recorded as captured, or null when capturing failed. */
    private @Nullable Instant capture(PaymentProcessor processor, Payment payment) {
        try {
            processor.capture(payment.id().toString(), payment.amount());
            Instant now = storedNow();
            store.paymentState(payment.id(), PaymentState.CAPTURED, null, null, now);
            return now;
        } catch (RuntimeException failed) {
            // The order stands on its authorisation; reconciliation captures it later.
            log.warn("Capturing a payment failed; reconciliation will retry: {}", failed.toString());
            return null;
        }
    }

    /**
     * The time as the database keeps it, to the microsecond, so that an order built from what was written equals
     * the order read back (a repeat of the key reads it back).
     */
    private Instant storedNow() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Order withPayment(Order order, Payment payment) {
        return new Order(order.id(), order.number(), order.state(), order.channel(), order.cartId(),
                order.checkoutId(), order.profileId(), order.anonymousId(), order.currency(), order.delivery(),
                order.pickupLocationId(), order.address(), order.lines(), order.adjustments(), order.coupons(),
                order.subtotal(), order.discount(), order.total(), order.shipments(), List.of(payment),
                order.returns(), order.history(), order.placedAt(), order.updatedAt());
    }

    /**
     * Settles checkouts unfinished since before the cut-off: their payments (which have no order) are voided and
     * the checkout refused; orders placed since before it whose payment was authorised but not captured get it
     * captured.
     */
    int reconcile(Instant cutoff) {
        int settled = 0;
        for (UUID checkoutId : store.unfinishedCheckouts(cutoff, RECONCILE_BATCH)) {
            Boolean done = tx.execute(status -> {
                if (store.lockUnfinished(checkoutId).isEmpty()) {
                    return false;
                }
                for (PaymentRow row : store.paymentsOfCheckout(checkoutId)) {
                    Payment payment = row.payment();
                    if (row.orderId() == null && (payment.state() == PaymentState.AUTHORISING
                            || payment.state() == PaymentState.AUTHORISED || payment.state() == PaymentState.PENDING)) {
                        processors.of(payment.method()).voidAuthorisation(payment.id().toString());
                        store.paymentState(payment.id(), PaymentState.VOIDED, null, null, clock.instant());
                    }
                }
                refuse(checkoutId, new CheckoutRefused(409, "conflict", "Idempotency-Key", "The checkout was "
                        + "interrupted before an order was placed; nothing was kept. Check out again with a new key"));
                return true;
            });
            settled += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        for (PaymentRow row : store.uncaptured(cutoff, RECONCILE_BATCH)) {
            capture(processors.of(row.payment().method()), row.payment());
            settled++;
        }
        return settled;
    }

    private void refuse(UUID checkoutId, CheckoutRefused refusal) {
        store.refused(checkoutId, refusal.status(), refusal.problemType(), refusal.field(), refusal.getMessage(),
                clock.instant());
    }

    private static CheckoutRefused refusal(RuntimeException failure) {
        return switch (failure) {
            case CheckoutRefused refused -> refused;
            case ConflictException conflict ->
                    new CheckoutRefused(409, conflict.problemType(), conflict.field(), conflict.getMessage());
            case InvalidRequestException invalid ->
                    new CheckoutRefused(400, invalid.problemType(), invalid.field(), invalid.getMessage());
            case NotFoundException notFound ->
                    new CheckoutRefused(404, notFound.problemType(), "cartId", notFound.getMessage());
            default -> new CheckoutRefused(500, "internal-error", "checkout",
                    "The checkout failed; nothing was kept. Check out again with a new key");
        };
    }

    /** The channel as carts take it, checked against the sources. */
    private Channel cartChannel(String channel) {
        return new Channel(channel, source(channel).id());
    }

    private Source source(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new InvalidRequestException("channel", "is required: the channel key of the calling source, e.g. web");
        }
        return sources.findByChannel(channel).orElseThrow(() -> new InvalidRequestException("channel",
                "'" + channel + "' is not a known channel: no source has this channel key"));
    }

    private String hash(CheckoutRequest request, String channel, @Nullable UUID profileId) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("request", request);
        canonical.put("channel", channel);
        canonical.put("profileId", profileId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    static QuoteRequest quoteRequest(Cart cart, String channel) {
        return new QuoteRequest(channel, cart.currency(), cart.profileId(), null, null, cart.coupons(),
                cart.lines().stream().map(line -> new QuoteRequest.LineRequest(line.sku(), line.quantity())).toList(),
                null);
    }

    static OrderEvents.Shopper shopper(Cart cart) {
        return new OrderEvents.Shopper(cart.profileId(), cart.anonymousId());
    }

    private static List<OrderEvents.Product> products(Cart cart, Quote quote) {
        Map<String, Cart.Line> bySku = new LinkedHashMap<>();
        cart.lines().forEach(line -> bySku.put(line.sku(), line));
        List<OrderEvents.Product> products = new ArrayList<>();
        for (Quote.Line line : quote.lines()) {
            Cart.Line item = bySku.get(line.sku());
            products.add(new OrderEvents.Product(line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.unitPrice(), line.quantity()));
        }
        return products;
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a repeated checkout", interrupted);
        }
    }
}
