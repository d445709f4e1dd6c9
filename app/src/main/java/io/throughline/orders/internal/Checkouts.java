package io.throughline.orders.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.Orders;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentState;
import io.throughline.platform.Channel;
import io.throughline.platform.CheckoutRefused;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.ThroughlineException;
import io.throughline.pricing.Quote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkout, idempotent by key and in three steps so that no database transaction waits on a payment processor:
 * <ol>
 * <li>prepare (one transaction): claim the key, check the cart and the channel's rules, make sure every line's
 *     stock is held, record the payment ({@link PaymentStep#record}), say "Checkout Started";</li>
 * <li>authorise (no transaction, {@link PaymentStep}): a decline or an error ends the checkout with the cart as it
 *     was — its holds stay with the cart and lapse with it, and the parts of a split payment already approved are
 *     given back;</li>
 * <li>place (one transaction, {@link Placement}); then capture. When placing is refused the authorisation is
 *     voided.</li>
 * </ol>
 * A crash between the steps leaves a STARTED checkout or an AUTHORISED payment behind, which {@link Reconciliation}
 * settles. The idempotency key is claimed by inserting the checkout row: one request runs, repeats wait for its
 * outcome and replay it.
 */
@Component
class Checkouts {

    /** The cart as held for checkout and its payments in the order they are asked for (a split's parts first). */
    private record Prepared(Cart cart, List<Payment> payments) {}

    private final Carts carts;
    private final StockLocations locations;
    private final ShopChannels shops;
    private final CheckoutStore checkouts;
    private final OrderStore orders;
    private final OrderAssembler assembler;
    private final PaymentStep payments;
    private final Placement placement;
    private final OrderEvents events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final OrdersProperties properties;

    Checkouts(Carts carts, StockLocations locations, ShopChannels shops, CheckoutStore checkouts, OrderStore orders,
            OrderAssembler assembler, PaymentStep payments, Placement placement, OrderEvents events,
            PlatformTransactionManager transactions, JsonMapper json, OrdersProperties properties) {
        this.carts = carts;
        this.locations = locations;
        this.shops = shops;
        this.checkouts = checkouts;
        this.orders = orders;
        this.assembler = assembler;
        this.payments = payments;
        this.placement = placement;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.properties = properties;
    }

    /** @param clock the time the checkout happens at: now, or an imported order's time */
    Orders.Placed checkout(CheckoutRequest request, Channel channel, @Nullable UUID profileId, String idempotencyKey,
            Clock clock) {
        String key = IdempotencyKeys.check(idempotencyKey);
        String card = CheckoutPolicy.check(request, shops.isShop(channel));
        // Refused before anything is written or asked, so the shopper can correct it.
        payments.check(request.payment().method(), card);
        String hash = hash(request, channel, profileId);
        Instant deadline = clock.instant().plus(properties.repeatWait());
        while (true) {
            Instant now = clock.instant();
            CheckoutRow claim = new CheckoutRow(Ids.newId(clock), key, hash, request.cartId(), channel.key(),
                    CheckoutState.STARTED, null, null, null, null, now, now);
            Optional<Prepared> prepared = claimAndPrepare(claim, request, channel, profileId, card, clock);
            if (prepared.isPresent()) {
                return run(claim, request, channel, profileId, card, prepared.get(), clock);
            }
            Optional<CheckoutRow> existing = checkouts.byKey(key);
            if (existing.isEmpty()) {
                continue;
            }
            CheckoutRow row = existing.get();
            if (!row.requestHash().equals(hash)) {
                throw new CheckoutRefused(CheckoutRefused.Reason.KEY_REUSED, "Idempotency-Key", "Idempotency-Key "
                        + key + " was used for another checkout request; use a new key for a new request");
            }
            switch (row.state()) {
                case PLACED -> {
                    return new Orders.Placed(assembler.assemble(orders.find(row.orderId()).orElseThrow()), false);
                }
                case REFUSED -> throw row.refusal();
                case STARTED -> {
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
    private Optional<Prepared> claimAndPrepare(CheckoutRow claim, CheckoutRequest request, Channel channel,
            @Nullable UUID profileId, @Nullable String card, Clock clock) {
        return Optional.ofNullable(tx.execute(status -> checkouts.claim(claim)
                ? prepare(claim, request, channel, profileId, card, clock) : null));
    }

    private Prepared prepare(CheckoutRow checkout, CheckoutRequest request, Channel channel, @Nullable UUID profileId,
            @Nullable String card, Clock clock) {
        Cart cart = carts.holdForCheckout(request.cartId(), channel, profileId);
        Quote quote = checkPriced(cart);
        checkDelivery(request.delivery(), cart, channel);
        Instant now = storedNow(clock);
        List<CheckoutPolicy.Tender> tenders = CheckoutPolicy.tenders(request.payment(), quote.total());
        List<Payment> recorded = new ArrayList<>();
        for (int i = 0; i < tenders.size(); i++) {
            // Only the remainder is the request's method, so only it takes the card number.
            CheckoutPolicy.Tender tender = tenders.get(i);
            recorded.add(payments.record(checkout.id(), tender.method(), tender.amount(),
                    i == tenders.size() - 1 ? card : null, clock, now));
        }
        events.checkoutStarted(shopper(cart), channel, now, checkout.id(), quote.total(), cart.coupons(),
                Placement.products(cart, quote));
        return new Prepared(cart, List.copyOf(recorded));
    }

    private Orders.Placed run(CheckoutRow checkout, CheckoutRequest request, Channel channel, @Nullable UUID profileId,
            @Nullable String card, Prepared prepared, Clock clock) {
        List<Payment> asked = prepared.payments();
        List<String> references = new ArrayList<>();
        for (Payment payment : asked) {
            boolean last = references.size() == asked.size() - 1;
            switch (payments.authorise(payment, last ? card : null, channel,
                    profileId != null ? profileId : prepared.cart().profileId())) {
                case PaymentStep.Authorisation.Refused refused -> {
                    List<Payment> approved = asked.subList(0, references.size());
                    approved.forEach(payments::voidAuthorisation);
                    tx.executeWithoutResult(status -> {
                        Instant now = clock.instant();
                        for (int i = 0; i < asked.size(); i++) {
                            Payment other = asked.get(i);
                            if (other.id().equals(payment.id())) {
                                payments.ended(other.id(), refused.state(), null, refused.reason(), now);
                            } else {
                                payments.ended(other.id(), PaymentState.VOIDED,
                                        i < references.size() ? references.get(i) : null, null, now);
                            }
                        }
                        refuse(checkout.id(), refused.refusal(), clock);
                        events.paymentFailed(shopper(prepared.cart()), channel, now, checkout.id(), payment.amount(),
                                refused.state().name());
                    });
                    throw refused.refusal();
                }
                case PaymentStep.Authorisation.Approved approved -> references.add(approved.processorReference());
            }
        }
        Order order;
        try {
            order = tx.execute(status -> placement.place(checkout.id(), request, channel, profileId, asked,
                    references, clock));
        } catch (RuntimeException failed) {
            asked.forEach(payments::voidAuthorisation);
            CheckoutRefused refusal = refusal(failed);
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < asked.size(); i++) {
                    payments.ended(asked.get(i).id(), PaymentState.VOIDED, references.get(i), null, clock.instant());
                }
                refuse(checkout.id(), refusal, clock);
            });
            if (failed instanceof ThroughlineException) {
                throw refusal;
            }
            throw failed;
        }
        List<Payment> settled = new ArrayList<>();
        for (Payment placed : order.payments()) {
            Instant captured = placed.state() == PaymentState.AUTHORISED ? payments.capture(placed, clock) : null;
            // The order as placed, with the captures just recorded: no need to read it all back.
            settled.add(captured == null ? placed : new Payment(placed.id(), placed.method(), PaymentState.CAPTURED,
                    placed.amount(), placed.refunded(), placed.processorReference(), placed.cardLast4(),
                    placed.declineReason(), placed.createdAt(), captured));
        }
        return new Orders.Placed(withPayments(order, settled), true);
    }

    private void checkDelivery(DeliveryMethod delivery, Cart cart, Channel channel) {
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
                StockLocation shop = locations.findByCode(channel.key()).orElseThrow(() -> new InvalidRequestException(
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

    static Quote checkPriced(Cart cart) {
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

    /**
     * The time as the database keeps it, to the microsecond, so that an order built from what was written equals
     * the order read back (a repeat of the key reads it back).
     */
    static Instant storedNow(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OrderEvents.Shopper shopper(Cart cart) {
        return new OrderEvents.Shopper(cart.profileId(), cart.anonymousId());
    }

    private static Order withPayments(Order order, List<Payment> payments) {
        return new Order(order.id(), order.number(), order.state(), order.channel(), order.cartId(),
                order.checkoutId(), order.profileId(), order.anonymousId(), order.currency(), order.delivery(),
                order.pickupLocationId(), order.address(), order.lines(), order.adjustments(), order.coupons(),
                order.subtotal(), order.discount(), order.total(), order.shipments(), List.copyOf(payments),
                order.returns(), order.history(), order.placedAt(), order.updatedAt());
    }

    private void refuse(UUID checkoutId, CheckoutRefused refusal, Clock clock) {
        checkouts.refused(checkoutId, refusal, clock.instant());
    }

    /** What a failure while placing becomes, kept with the key so that a repeat gets the same answer. */
    private static CheckoutRefused refusal(RuntimeException failure) {
        return switch (failure) {
            case CheckoutRefused refused -> refused;
            case ConflictException conflict ->
                    new CheckoutRefused(CheckoutRefused.Reason.CONFLICT, conflict.field(), conflict.getMessage());
            case InvalidRequestException invalid ->
                    new CheckoutRefused(CheckoutRefused.Reason.INVALID, invalid.field(), invalid.getMessage());
            case NotFoundException notFound ->
                    new CheckoutRefused(CheckoutRefused.Reason.NOT_FOUND, "cartId", notFound.getMessage());
            default -> new CheckoutRefused(CheckoutRefused.Reason.FAILED, "checkout",
                    "The checkout failed; nothing was kept. Check out again with a new key");
        };
    }

    private String hash(CheckoutRequest request, Channel channel, @Nullable UUID profileId) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("request", request);
        canonical.put("channel", channel.key());
        canonical.put("profileId", profileId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
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
