package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.CartCheckedOut;
import io.throughline.carts.CartClosed;
import io.throughline.carts.CartHandedOff;
import io.throughline.carts.CartMerged;
import io.throughline.carts.CartState;
import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.Handoff;
import io.throughline.carts.MergeOutcome;
import io.throughline.carts.NewCart;
import io.throughline.carts.internal.HoldPolicy.Candidate;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.HandoffRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.Availability;
import io.throughline.inventory.LocationAvailability;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLevel;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts over the carts schema, holding stock with inventory reservations (reference {@code cart:<id>}) and
 * pricing every read with the quote engine. Every change locks the cart row first, so one cart's changes happen
 * one after another while different carts never wait for each other.
 *
 * <p>Exceptions of other modules are never caught and swallowed inside a transaction here: their services join
 * it, and a failure in them marks it for rollback. Capacity is therefore checked before reserving.
 */
@Service
@EnableConfigurationProperties(CartsProperties.class)
class CartService implements Carts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcCarts store;
    private final CatalogueLookups catalogue;
    private final Availability availability;
    private final Reservations reservations;
    private final StockLedger ledger;
    private final StockLocations locations;
    private final Pricing pricing;
    private final CustomerProfiles profiles;
    private final Channels channels;
    private final CartEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration ttl;
    private final Duration handoffTtl;

    CartService(JdbcCarts store, CatalogueLookups catalogue, Availability availability, Reservations reservations,
            StockLedger ledger, StockLocations locations, Pricing pricing, CustomerProfiles profiles, Channels channels,
            CartEvents events, ApplicationEventPublisher publisher, Clock clock, CartsProperties properties) {
        this.store = store;
        this.catalogue = catalogue;
        this.availability = availability;
        this.reservations = reservations;
        this.ledger = ledger;
        this.locations = locations;
        this.pricing = pricing;
        this.profiles = profiles;
        this.channels = channels;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
        this.ttl = properties.timeToLive();
        this.handoffTtl = properties.handoffTimeToLive();
    }

    @Override
    @Transactional
    public Opened open(NewCart request, String channel) {
        channels.sourceOf(channel);
        boolean anonymous = request.anonymousId() != null && !request.anonymousId().isBlank();
        if (anonymous == (request.profileId() != null)) {
            throw new InvalidRequestException("anonymousId", "give either an anonymousId or a profileId");
        }
        Money.zero(request.currency());
        UUID profileId = request.profileId() == null ? null : profiles.get(request.profileId()).id();
        Optional<CartRow> existing = profileId != null ? store.openOfProfile(profileId)
                : store.openOfAnonymous(request.anonymousId());
        if (existing.isPresent()) {
            return new Opened(respond(store.lock(existing.get().id()), channel, clock.instant(), false), false);
        }
        Instant now = clock.instant();
        CartRow cart = new CartRow(Ids.newId(clock), anonymous ? request.anonymousId() : null, profileId,
                CartState.OPEN, request.currency(), null, null, null, channel, channel, now.plus(ttl), now, now);
        if (!store.insert(cart)) {
            // The customer's other device opened her cart at the same moment: that one is hers.
            return new Opened(respond(store.lock(store.openOfProfile(profileId).orElseThrow().id()), channel, now,
                    false), false);
        }
        return new Opened(respond(cart, channel, now, false), true);
    }

    @Override
    @Transactional
    public Cart view(UUID cartId, String channel, @Nullable UUID profileId) {
        channels.sourceOf(channel);
        CartRow cart = store.lock(cartId);
        CartRules.checkCustomer(cartId, cart.profileId(), profileId);
        return respond(cart, channel, clock.instant(), true);
    }

    @Override
    @Transactional(readOnly = true)
    public Cart peek(UUID cartId, @Nullable String channel) {
        CartRow cart = store.find(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId));
        String pricedFor = channel == null || channel.isBlank() ? cart.lastChannel() : channel;
        channels.sourceOf(pricedFor);
        return render(cart, store.lines(cartId), pricedFor, clock.instant(), cart.expiresAt(), cart.updatedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Cart> openCartOf(UUID profileId) {
        return store.openOfProfile(profileId).map(cart -> render(cart, store.lines(cart.id()), cart.lastChannel(),
                clock.instant(), cart.expiresAt(), cart.updatedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID cartOfCode(String code) {
        String normalised = HandoffCodes.normalise(code);
        return store.liveHandoffByCode(normalised, clock.instant())
                .orElseThrow(() -> new NotFoundException("Live handoff code", normalised)).cartId();
    }

    @Override
    @Transactional
    public Cart add(UUID cartId, String sku, int quantity, String channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        positive(quantity);
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        CatalogueItem item = sellable(code, channel, now);
        List<LineRow> lines = store.lines(cartId);
        LineRow existing = line(lines, code.value());
        int total = Math.addExact(existing == null ? 0 : existing.quantity(), quantity);
        List<Candidate> candidates = candidates(cart, code, existing, channel, now);
        Candidate at = holdable(cart, code, total, existing, channel, candidates);
        // Priced before the stock is held: the hold locks the SKU's balance row, which every other cart adding
        // the SKU waits for, until the commit; the quote needs only the SKUs and quantities.
        List<String> coupons = store.coupons(cartId);
        LineRow unheld = existing == null ? new LineRow(code.value(), total, null, null, null, now)
                : existing.withHold(total, existing.locationId(), existing.reservationId(), existing.holdExpiresAt());
        Priced priced = price(cart, replaced(lines, unheld), coupons, channel);
        if (priced.problem() != null) {
            throw new InvalidRequestException("sku", priced.problem());
        }
        LineRow held = holdAt(cart, code, total, existing, at, now);
        store.saveLine(cartId, held);
        Touched touched = renewAndTouch(cart, replaced(lines, held), channel, now);
        Cart result = render(cart, touched.lines(), coupons, priced, channel, now, touched.expiresAt(), now);
        events.productAdded(cart, channel, product(result, item, quantity));
        return result;
    }

    @Override
    @Transactional
    public Cart change(UUID cartId, String sku, int quantity, String channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        positive(quantity);
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        LineRow existing = existingLine(cartId, code);
        if (quantity == existing.quantity()) {
            return respond(cart, channel, now, false);
        }
        CatalogueItem item = quantity > existing.quantity() ? sellable(code, channel, now)
                : catalogue.item(code).orElse(null);
        store.saveLine(cartId, hold(cart, code, quantity, existing, channel, now));
        Cart result = respond(cart, channel, now, false);
        if (quantity > existing.quantity()) {
            checkPriced(result);
        }
        int delta = quantity - existing.quantity();
        if (delta > 0) {
            events.productAdded(cart, channel, product(result, code, item, delta));
        } else {
            events.productRemoved(cart, channel, product(result, code, item, -delta));
        }
        return result;
    }

    @Override
    @Transactional
    public Cart remove(UUID cartId, String sku, String channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        LineRow existing = existingLine(cartId, code);
        // Priced before it goes, so that the event says what the shopper took out at what price.
        Cart before = respond(cart, channel, now, false);
        release(existing);
        store.deleteLine(cartId, code.value());
        Cart result = respond(cart, channel, now, false);
        events.productRemoved(cart, channel, product(before, code, catalogue.item(code).orElse(null),
                existing.quantity()));
        return result;
    }

    @Override
    @Transactional
    public Cart applyCoupon(UUID cartId, String code, String channel, @Nullable UUID profileId) {
        String coupon = couponCode(code);
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        List<LineRow> lines = store.lines(cartId);
        if (lines.isEmpty()) {
            throw new InvalidRequestException("code", "cannot be applied to an empty cart; add a product first");
        }
        try {
            pricing.quote(quoteRequest(cart, lines, List.of(coupon), channel));
        } catch (InvalidRequestException refused) {
            throw new InvalidRequestException("code", refused.reason());
        }
        store.addCoupon(cartId, coupon, now);
        Cart result = respond(cart, channel, now, false);
        Quote.Adjustment adjustment = result.quote() == null ? null : result.quote().adjustments().stream()
                .filter(candidate -> coupon.equals(candidate.couponCode())).findFirst().orElse(null);
        events.couponApplied(cart, channel, coupon, adjustment == null ? null : adjustment.promotionName(),
                adjustment == null ? null : adjustment.amount());
        return result;
    }

    @Override
    @Transactional
    public Cart removeCoupon(UUID cartId, String code, String channel, @Nullable UUID profileId) {
        String coupon = couponCode(code);
        CartRow cart = openForChange(cartId, channel, profileId);
        if (!store.removeCoupon(cartId, coupon)) {
            throw new NotFoundException("Coupon", coupon + " in cart " + cartId);
        }
        return respond(cart, channel, clock.instant(), false);
    }

    @Override
    @Transactional
    public Cart chooseFulfilment(UUID cartId, Fulfilment.Kind kind, @Nullable UUID locationId, String channel,
            @Nullable UUID profileId) {
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        if (kind == Fulfilment.Kind.DELIVERY) {
            // The holds stay where they are; the next line is held where the channel has most stock.
            store.fulfilment(cartId, kind.name(), null, now);
            return respond(store.lock(cartId), channel, now, false);
        }
        if (locationId == null) {
            throw new InvalidRequestException("locationId", "is required for pickup");
        }
        StockLocation location = locationById(locationId);
        if (!location.pickup()) {
            throw new InvalidRequestException("locationId", "location " + location.code() + " does not offer pickup");
        }
        store.fulfilment(cartId, kind.name(), location.id(), now);
        CartRow pickup = store.lock(cartId);
        for (LineRow line : store.lines(cartId)) {
            store.saveLine(cartId, hold(pickup, Sku.of(line.sku()), line.quantity(), line, channel, now));
        }
        return respond(pickup, channel, now, false);
    }

    @Override
    @Transactional
    public MergeOutcome merge(UUID anonymousCartId, UUID profileId, String channel) {
        channels.sourceOf(channel);
        UUID profile = profiles.get(profileId).id();
        CartRow anonymous = store.lock(anonymousCartId);
        CartRules.checkOpen(anonymousCartId, anonymous.state(), anonymous.mergedInto());
        Instant now = clock.instant();
        if (anonymous.profileId() != null) {
            CartRules.checkCustomer(anonymousCartId, anonymous.profileId(), profile);
            return new MergeOutcome(respond(anonymous, channel, now, false), false, List.of());
        }
        Optional<CartRow> open = store.openOfProfile(profile);
        if (open.isEmpty()) {
            store.assign(anonymousCartId, profile, now);
            return new MergeOutcome(respond(store.lock(anonymousCartId), channel, now, false), false, List.of());
        }
        CartRow survivor = store.lock(open.get().id());
        List<LineRow> anonymousLines = store.lines(anonymousCartId);
        List<LineRow> survivorLines = store.lines(survivor.id());
        // The anonymous holds go first, so that their stock counts as the surviving cart's.
        anonymousLines.forEach(this::release);
        Map<String, Integer> customerQuantities = new LinkedHashMap<>();
        survivorLines.forEach(line -> customerQuantities.put(line.sku(), line.quantity()));
        Map<String, Integer> anonymousQuantities = new LinkedHashMap<>();
        anonymousLines.forEach(line -> anonymousQuantities.put(line.sku(), line.quantity()));
        MergePolicy.Result result = MergePolicy.mergeLines(customerQuantities, anonymousQuantities,
                sku -> catalogue.isSoldOn(Sku.of(sku), channel, now),
                sku -> HoldPolicy.mostHoldable(candidates(survivor, Sku.of(sku), line(survivorLines, sku), channel, now)));
        List<MergeOutcome.Conflict> conflicts = new ArrayList<>(result.conflicts());
        for (LineRow line : survivorLines) {
            if (!result.lines().containsKey(line.sku())) {
                release(line);
                store.deleteLine(survivor.id(), line.sku());
            }
        }
        List<LineRow> merged = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : result.lines().entrySet()) {
            LineRow existing = line(survivorLines, entry.getKey());
            LineRow held = hold(survivor, Sku.of(entry.getKey()), entry.getValue(), existing, channel, now);
            store.saveLine(survivor.id(), held);
            merged.add(held);
        }
        List<String> coupons = MergePolicy.mergeCoupons(store.coupons(survivor.id()), store.coupons(anonymousCartId));
        store.removeCoupons(survivor.id());
        for (String coupon : coupons) {
            String refusal = merged.isEmpty() ? "the merged cart is empty" : couponRefusal(survivor, merged, coupon, channel);
            if (refusal == null) {
                store.addCoupon(survivor.id(), coupon, now);
            } else {
                conflicts.add(MergePolicy.couponDropped(coupon, refusal));
            }
        }
        store.changeState(anonymousCartId, CartState.MERGED, survivor.id(), now);
        publisher.publishEvent(new CartMerged(anonymousCartId, survivor.id(), profile, channel, now));
        return new MergeOutcome(respond(survivor, channel, now, false), true, conflicts);
    }

    @Override
    @Transactional
    public Cart close(UUID cartId, String channel, @Nullable UUID profileId) {
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        store.lines(cartId).forEach(this::release);
        store.changeState(cartId, CartState.CLOSED, null, now);
        publisher.publishEvent(new CartClosed(cartId, channel, now));
        return respond(store.lock(cartId), channel, now, false);
    }

    @Override
    @Transactional
    public Cart holdForCheckout(UUID cartId, String channel, @Nullable UUID profileId) {
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        List<LineRow> lines = store.lines(cartId);
        if (lines.isEmpty()) {
            throw new ConflictException("cartId", "Cart " + cartId + " is empty");
        }
        for (LineRow line : lines) {
            boolean live = line.reservationId() != null && reservations.get(line.reservationId()).activeAt(now);
            if (!live) {
                // The cart's own hold is gone, so it must not count as available to the cart.
                LineRow unheld = line.withHold(line.quantity(), line.locationId(), null, null);
                store.saveLine(cartId, hold(cart, Sku.of(line.sku()), line.quantity(), unheld, channel, now));
            }
        }
        return respond(cart, channel, now, false);
    }

    @Override
    @Transactional
    public Cart checkOut(UUID cartId, UUID orderId, String channel, @Nullable UUID profileId) {
        CartRow cart = openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        Cart open = respond(cart, channel, now, false);
        store.changeState(cartId, CartState.CHECKED_OUT, null, now);
        publisher.publishEvent(new CartCheckedOut(cartId, orderId, channel, now));
        return new Cart(open.id(), CartState.CHECKED_OUT, open.anonymousId(), open.profileId(), open.currency(),
                null, open.fulfilment(), open.lines(), open.coupons(), open.quote(), open.couponIssues(),
                open.pricingProblem(), channel, open.expiresAt(), open.createdAt(), now);
    }

    @Override
    @Transactional
    public Handoff issueHandoff(UUID cartId, String channel, @Nullable UUID profileId) {
        openForChange(cartId, channel, profileId);
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 20; attempt++) {
            HandoffRow handoff = new HandoffRow(HandoffCodes.generate(RANDOM), cartId, channel, now.plus(handoffTtl),
                    now, null, null);
            if (store.insertHandoff(handoff)) {
                return new Handoff(handoff.code(), cartId, handoff.expiresAt());
            }
        }
        throw new IllegalStateException("No free handoff code after 20 attempts");
    }

    @Override
    @Transactional(readOnly = true)
    public Handoff liveHandoff(UUID cartId) {
        store.find(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId));
        HandoffRow handoff = store.liveHandoff(cartId, clock.instant()).orElseThrow(() -> new NotFoundException(
                "Live handoff code of cart", cartId + " (issue one with POST /api/carts/" + cartId + "/handoff)"));
        return new Handoff(handoff.code(), cartId, handoff.expiresAt());
    }

    @Override
    @Transactional
    public Cart claimHandoff(String code, String channel) {
        channels.sourceOf(channel);
        String normalised = HandoffCodes.normalise(code);
        Instant now = clock.instant();
        HandoffRow handoff = store.lockHandoff(normalised)
                .orElseThrow(() -> new NotFoundException("Handoff code", normalised));
        if (handoff.claimedAt() != null) {
            throw new ConflictException("code", "Handoff code " + normalised + " was already used by channel "
                    + handoff.claimedChannel() + " at " + handoff.claimedAt() + "; ask the shopper for a new one");
        }
        if (!handoff.expiresAt().isAfter(now)) {
            throw new ConflictException("code", "Handoff code " + normalised + " expired at " + handoff.expiresAt()
                    + "; ask the shopper for a new one");
        }
        CartRow cart = store.lock(handoff.cartId());
        CartRules.checkOpen(cart.id(), cart.state(), cart.mergedInto());
        store.claimHandoff(normalised, channel, now);
        publisher.publishEvent(new CartHandedOff(cart.id(), handoff.issuedChannel(), channel, now));
        return respond(cart, channel, now, true);
    }

    // --- activity, holds and prices -------------------------------------------------------------------------

    private CartRow openForChange(UUID cartId, String channel, @Nullable UUID profileId) {
        channels.sourceOf(channel);
        CartRow cart = store.lock(cartId);
        CartRules.checkCustomer(cartId, cart.profileId(), profileId);
        CartRules.checkOpen(cartId, cart.state(), cart.mergedInto());
        return cart;
    }

    /**
     * The cart after activity from the channel: lapsing holds renewed, expiry pushed out, priced now. Carts that
     * are no longer open are shown as they are.
     */
    private Cart respond(CartRow cart, String channel, Instant now, boolean viewed) {
        return respond(cart, store.lines(cart.id()), channel, now, viewed);
    }

    private Cart respond(CartRow cart, List<LineRow> lines, String channel, Instant now, boolean viewed) {
        Instant expiresAt = cart.expiresAt();
        if (cart.state() == CartState.OPEN) {
            Touched touched = renewAndTouch(cart, lines, channel, now);
            lines = touched.lines();
            expiresAt = touched.expiresAt();
        }
        Cart view = render(cart, lines, channel, now, expiresAt,
                cart.state() == CartState.OPEN ? now : cart.updatedAt());
        if (viewed && cart.state() == CartState.OPEN) {
            List<CartEvents.Product> products = new ArrayList<>();
            for (Cart.Line line : view.lines()) {
                products.add(new CartEvents.Product(line.sku(), line.productId(), line.name(),
                        unitPrice(view, line.sku()), line.quantity()));
            }
            events.cartViewed(cart, channel, products);
        }
        return view;
    }

    /** The open cart's lines after activity from the channel, and its expiry pushed out and stored. */
    private record Touched(List<LineRow> lines, Instant expiresAt) {}

    /** Lapsing holds renewed and the cart's expiry pushed out, as activity on an open cart does. */
    private Touched renewAndTouch(CartRow cart, List<LineRow> lines, String channel, Instant now) {
        List<LineRow> renewed = new ArrayList<>(lines.size());
        List<Instant> holdExpiries = new ArrayList<>();
        for (LineRow line : lines) {
            LineRow current = HoldPolicy.needsRenewal(line.holdExpiresAt(), now, ttl) ? renew(cart, line, channel, now)
                    : line;
            if (current != line) {
                store.saveLine(cart.id(), current);
            }
            if (current.holdExpiresAt() != null) {
                holdExpiries.add(current.holdExpiresAt());
            }
            renewed.add(current);
        }
        Instant expiresAt = HoldPolicy.cartExpiry(now, ttl, holdExpiries);
        store.touch(cart.id(), channel, expiresAt, now);
        return new Touched(renewed, expiresAt);
    }

    /** The cart as it stands, priced for the channel now. */
    private Cart render(CartRow cart, List<LineRow> lines, String channel, Instant now, Instant expiresAt,
            Instant updatedAt) {
        List<String> coupons = store.coupons(cart.id());
        return render(cart, lines, coupons, price(cart, lines, coupons, channel), channel, now, expiresAt,
                updatedAt);
    }

    /** The cart as it stands with its lines priced already. */
    private Cart render(CartRow cart, List<LineRow> lines, List<String> coupons, Priced priced, String channel,
            Instant now, Instant expiresAt, Instant updatedAt) {
        Map<Sku, CatalogueItem> items = lines.isEmpty() ? Map.of()
                : catalogue.items(lines.stream().map(line -> Sku.of(line.sku())).toList());
        List<Cart.Line> views = new ArrayList<>(lines.size());
        for (LineRow line : lines) {
            CatalogueItem item = items.get(Sku.of(line.sku()));
            Cart.Hold hold = line.reservationId() == null || line.locationId() == null || line.holdExpiresAt() == null
                    ? null : new Cart.Hold(line.reservationId(), line.locationId(), line.quantity(),
                            line.holdExpiresAt(), cart.state() == CartState.OPEN && line.holdExpiresAt().isAfter(now));
            views.add(new Cart.Line(line.sku(), item == null ? null : item.productId(),
                    item == null ? line.sku() : item.name(), line.quantity(), hold));
        }
        Fulfilment fulfilment = null;
        if (cart.fulfilment() != null) {
            Fulfilment.Kind kind = Fulfilment.Kind.valueOf(cart.fulfilment());
            fulfilment = kind == Fulfilment.Kind.PICKUP && cart.pickupLocationId() != null
                    ? new Fulfilment(kind, cart.pickupLocationId(), locations.get(cart.pickupLocationId()).code())
                    : new Fulfilment(kind, null, null);
        }
        Cart view = new Cart(cart.id(), cart.state(), cart.anonymousId(), cart.profileId(), cart.currency(),
                cart.mergedInto(), fulfilment, views, coupons, priced.quote(), priced.couponIssues(),
                priced.problem(), channel, expiresAt, cart.createdAt(), updatedAt);
        return view;
    }

    /** The line held anew: where it is while that location can still cover it, else wherever can; unheld if nowhere. */
    private LineRow renew(CartRow cart, LineRow line, String channel, Instant now) {
        Sku sku = Sku.of(line.sku());
        boolean active = line.holdExpiresAt() != null && line.holdExpiresAt().isAfter(now);
        if (active && line.locationId() != null) {
            Reservation reservation = reservations.reserve(sku, line.locationId(), line.quantity(), reference(cart),
                    ttl);
            return line.withHold(line.quantity(), line.locationId(), reservation.id(), reservation.expiresAt());
        }
        Optional<Candidate> at = HoldPolicy.choose(candidates(cart, sku, line, channel, now), line.quantity(),
                line.locationId());
        if (at.isEmpty()) {
            // The stock went while the hold had lapsed: the line stays, unheld, for the shopper to decide.
            return line.withHold(line.quantity(), line.locationId(), null, null);
        }
        Reservation reservation = reservations.reserve(sku, at.get().locationId(), line.quantity(), reference(cart),
                ttl);
        return line.withHold(line.quantity(), at.get().locationId(), reservation.id(), reservation.expiresAt());
    }

    /** Holds the quantity for the line, moving the hold when another location has to cover it. */
    private LineRow hold(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, String channel,
            Instant now) {
        List<Candidate> candidates = candidates(cart, sku, existing, channel, now);
        return holdAt(cart, sku, quantity, existing, holdable(cart, sku, quantity, existing, channel, candidates), now);
    }

    /** Where the quantity would be held; refused when no candidate location can cover it. */
    private static Candidate holdable(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, String channel,
            List<Candidate> candidates) {
        return HoldPolicy.choose(candidates, quantity, existing == null ? null : existing.locationId())
                .orElseThrow(() -> new ConflictException("quantity", "Only " + HoldPolicy.mostHoldable(candidates)
                        + " of " + sku + " available " + (cart.pickupLocationId() == null ? "on channel " + channel
                        : "for pickup at " + candidates.getFirst().code()) + "; cannot hold " + quantity));
    }

    private LineRow holdAt(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, Candidate at,
            Instant now) {
        Reservation reservation = reservations.reserve(sku, at.locationId(), quantity, reference(cart), ttl);
        if (existing != null && existing.reservationId() != null && !at.locationId().equals(existing.locationId())) {
            reservations.release(existing.reservationId());
        }
        return new LineRow(sku.value(), quantity, at.locationId(), reservation.id(), reservation.expiresAt(),
                existing == null ? now : existing.addedAt());
    }

    /**
     * Where the cart could hold the SKU and how much: the pickup shop once chosen, else the channel's eligible
     * locations. The cart's own live hold at a location counts as available to it.
     */
    private List<Candidate> candidates(CartRow cart, Sku sku, @Nullable LineRow existing, String channel,
            Instant now) {
        int own = existing != null && existing.holdExpiresAt() != null && existing.holdExpiresAt().isAfter(now)
                ? existing.quantity() : 0;
        UUID ownAt = existing == null ? null : existing.locationId();
        var channelAvailability = availability.of(sku, channel);
        if (cart.pickupLocationId() != null) {
            UUID pickup = cart.pickupLocationId();
            int available = -1;
            String code = null;
            for (LocationAvailability location : channelAvailability.locations()) {
                if (location.locationId().equals(pickup)) {
                    available = location.available();
                    code = location.locationCode();
                }
            }
            if (available < 0) {
                StockLevel level = ledger.level(sku, pickup);
                available = Math.max(0, level.onHand() - level.reserved());
                code = level.locationCode();
            }
            return List.of(new Candidate(pickup, code, available + (pickup.equals(ownAt) ? own : 0)));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (LocationAvailability location : channelAvailability.locations()) {
            candidates.add(new Candidate(location.locationId(), location.locationCode(),
                    location.available() + (location.locationId().equals(ownAt) ? own : 0)));
        }
        return candidates;
    }

    private void release(LineRow line) {
        if (line.reservationId() != null) {
            reservations.release(line.reservationId());
        }
    }

    private record Priced(@Nullable Quote quote, List<Cart.CouponIssue> couponIssues, @Nullable String problem) {}

    /**
     * The quote for the lines now. A coupon pricing refuses on this channel (or any more) does not hide the
     * prices: the cart is quoted without it and the refusal is reported.
     */
    private Priced price(CartRow cart, List<LineRow> lines, List<String> coupons, String channel) {
        if (lines.isEmpty()) {
            return new Priced(null, List.of(), null);
        }
        try {
            return new Priced(pricing.quote(quoteRequest(cart, lines, coupons, channel)), List.of(), null);
        } catch (InvalidRequestException refused) {
            if (!refused.field().equals("couponCodes")) {
                return new Priced(null, List.of(), refused.reason());
            }
        }
        List<String> valid = new ArrayList<>();
        List<Cart.CouponIssue> issues = new ArrayList<>();
        for (String coupon : coupons) {
            String refusal = couponRefusal(cart, lines, coupon, channel);
            if (refusal == null) {
                valid.add(coupon);
            } else {
                issues.add(new Cart.CouponIssue(coupon, refusal));
            }
        }
        try {
            return new Priced(pricing.quote(quoteRequest(cart, lines, valid, channel)), issues, null);
        } catch (InvalidRequestException refused) {
            return new Priced(null, issues, refused.reason());
        }
    }

    private @Nullable String couponRefusal(CartRow cart, List<LineRow> lines, String coupon, String channel) {
        try {
            pricing.quote(quoteRequest(cart, lines, List.of(coupon), channel));
            return null;
        } catch (InvalidRequestException refused) {
            return refused.reason();
        }
    }

    private static QuoteRequest quoteRequest(CartRow cart, List<LineRow> lines, List<String> coupons,
            String channel) {
        return new QuoteRequest(channel, cart.currency(), cart.profileId(), null, null, coupons,
                lines.stream().map(line -> new QuoteRequest.LineRequest(line.sku(), line.quantity())).toList(), null);
    }

    /**
     * A SKU with no price on the channel cannot go into the cart: nobody could say what it costs. The refusal
     * rolls the hold back with everything else.
     */
    private static Cart checkPriced(Cart cart) {
        if (cart.pricingProblem() != null) {
            throw new InvalidRequestException("sku", cart.pricingProblem());
        }
        return cart;
    }

    private static List<LineRow> replaced(List<LineRow> lines, LineRow line) {
        List<LineRow> replaced = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (LineRow existing : lines) {
            boolean same = existing.sku().equals(line.sku());
            replaced.add(same ? line : existing);
            found |= same;
        }
        if (!found) {
            replaced.add(line);
        }
        return replaced;
    }

    private CatalogueItem sellable(Sku sku, String channel, Instant now) {
        CatalogueItem item = catalogue.item(sku)
                .orElseThrow(() -> new InvalidRequestException("sku", sku + " is not in the catalogue"));
        if (!catalogue.isSoldOn(sku, channel, now)) {
            throw new InvalidRequestException("sku", sku + " is not sold on channel " + channel);
        }
        return item;
    }

    private LineRow existingLine(UUID cartId, Sku sku) {
        LineRow existing = line(store.lines(cartId), sku.value());
        if (existing == null) {
            throw new NotFoundException("Line", sku + " in cart " + cartId);
        }
        return existing;
    }

    private StockLocation locationById(UUID locationId) {
        try {
            return locations.get(locationId);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("locationId", "location " + locationId + " does not exist");
        }
    }

    private static @Nullable LineRow line(List<LineRow> lines, String sku) {
        for (LineRow line : lines) {
            if (line.sku().equals(sku)) {
                return line;
            }
        }
        return null;
    }

    private static void positive(int quantity) {
        if (quantity < 1) {
            throw new InvalidRequestException("quantity", "must be 1 or more");
        }
    }

    private static String couponCode(String code) {
        String coupon = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (coupon.isEmpty() || coupon.length() > 40) {
            throw new InvalidRequestException("code", "must be 1 to 40 characters");
        }
        return coupon;
    }

    private static String reference(CartRow cart) {
        return "cart:" + cart.id();
    }

    private static CartEvents.Product product(Cart cart, CatalogueItem item, int quantity) {
        return new CartEvents.Product(item.sku().value(), item.productId(), item.name(),
                unitPrice(cart, item.sku().value()), quantity);
    }

    private static CartEvents.Product product(Cart cart, Sku sku, @Nullable CatalogueItem item, int quantity) {
        return item != null ? product(cart, item, quantity)
                : new CartEvents.Product(sku.value(), null, sku.value(), unitPrice(cart, sku.value()), quantity);
    }

    private static @Nullable Money unitPrice(Cart cart, String sku) {
        if (cart.quote() == null) {
            return null;
        }
        Map<String, Money> prices = new HashMap<>();
        cart.quote().lines().forEach(line -> prices.putIfAbsent(line.sku(), line.unitPrice()));
        return prices.get(sku);
    }
}
