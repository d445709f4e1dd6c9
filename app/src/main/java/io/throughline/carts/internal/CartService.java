package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.CartState;
import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.NewCart;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.HandoffRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.catalog.Sku;
import io.throughline.customers.CustomerProfiles;
import io.throughline.carts.AtTill;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts over the carts schema: one transaction per call, which locks the cart (reading its lines and coupons in
 * the same statement) and hands the work to its collaborators — {@link CartLines} for lines, {@link CartCoupons},
 * {@link CartHolds} for stock, {@link CartMerges} on sign-in, {@link CartHandoffs} for codes, and
 * {@link CartActivity} for what every call on an open cart does. One cart's changes happen one after another;
 * different carts never wait for each other.
 *
 * <p>Exceptions of other modules are never caught and swallowed inside a transaction here: their services join
 * it, and a failure in them marks it for rollback. Capacity is therefore checked before reserving.
 */
@Service
class CartService implements Carts {

    private final JdbcCarts store;
    private final CartLines lines;
    private final CartCoupons coupons;
    private final CartHolds holds;
    private final CartActivity activity;
    private final CartMerges merges;
    private final CartHandoffs handoffs;
    private final TillTakeover tills;
    private final StockLocations locations;
    private final CustomerProfiles profiles;
    private final Channels channels;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CartService(JdbcCarts store, CartLines lines, CartCoupons coupons, CartHolds holds, CartActivity activity,
            CartMerges merges, CartHandoffs handoffs, TillTakeover tills, StockLocations locations,
            CustomerProfiles profiles, Channels channels, ApplicationEventPublisher publisher, Clock clock) {
        this.tills = tills;
        this.locations = locations;
        this.store = store;
        this.lines = lines;
        this.coupons = coupons;
        this.holds = holds;
        this.activity = activity;
        this.merges = merges;
        this.handoffs = handoffs;
        this.profiles = profiles;
        this.channels = channels;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Opened open(NewCart request, Channel channel) {
        boolean anonymous = request.anonymousId() != null && !request.anonymousId().isBlank();
        if (anonymous == (request.profileId() != null)) {
            throw new InvalidRequestException("anonymousId", "give either an anonymousId or a profileId");
        }
        Money.zero(request.currency());
        UUID profileId = request.profileId() == null ? null : profiles.get(request.profileId()).id();
        Optional<CartRow> existing = profileId != null ? store.openOfProfile(profileId)
                : store.openOfAnonymous(request.anonymousId());
        Instant now = now();
        if (existing.isPresent()) {
            return new Opened(activity.respond(store.lock(existing.get().id()), channel, now, false), false);
        }
        CartRow cart = new CartRow(Ids.newId(clock), anonymous ? request.anonymousId() : null, profileId,
                CartState.OPEN, request.currency(), null, null, null, channel.key(), channel.key(),
                now.plus(holds.ttl()), now, now);
        if (!store.insert(cart)) {
            // The customer's other device opened her cart at the same moment: that one is hers.
            StoredCart hers = store.lock(store.openOfProfile(profileId).orElseThrow().id());
            return new Opened(activity.respond(hers, channel, now, false), false);
        }
        return new Opened(activity.respond(cart, List.of(), List.of(), channel, now, false), true);
    }

    @Transactional
    public Cart view(UUID cartId, Channel channel, @Nullable UUID profileId) {
        StoredCart cart = store.lock(cartId);
        CartRules.checkCustomer(cartId, cart.cart().profileId(), profileId);
        return activity.respond(cart, channel, now(), true);
    }

    @Override
    @Transactional(readOnly = true)
    public Cart peek(UUID cartId, @Nullable String channel) {
        StoredCart cart = store.find(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId));
        String pricedFor = channel == null || channel.isBlank() ? cart.cart().lastChannel() : channel;
        return activity.look(cart, channels.resolve(pricedFor).key(), now());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Cart> openCartOf(UUID profileId) {
        return store.openOfProfile(profileId).flatMap(open -> store.find(open.id()))
                .map(cart -> activity.look(cart, cart.cart().lastChannel(), now()));
    }

    @Override
    @Transactional(readOnly = true)
    public UUID cartOfCode(String code) {
        return handoffs.cartOf(code);
    }

    @Override
    @Transactional
    public Cart add(UUID cartId, String sku, int quantity, Channel channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        positive(quantity);
        return lines.add(openForChange(cartId, profileId), code, quantity, channel, now());
    }

    @Override
    @Transactional
    public Cart change(UUID cartId, String sku, int quantity, Channel channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        positive(quantity);
        return lines.change(openForChange(cartId, profileId), code, quantity, channel, now());
    }

    @Override
    @Transactional
    public Cart remove(UUID cartId, String sku, Channel channel, @Nullable UUID profileId) {
        Sku code = Sku.of(sku);
        return lines.remove(openForChange(cartId, profileId), code, channel, now());
    }

    @Override
    @Transactional
    public Cart applyCoupon(UUID cartId, String code, Channel channel, @Nullable UUID profileId) {
        String coupon = CartCoupons.normalise(code);
        return coupons.apply(openForChange(cartId, profileId), coupon, channel, now());
    }

    @Override
    @Transactional
    public Cart removeCoupon(UUID cartId, String code, Channel channel, @Nullable UUID profileId) {
        String coupon = CartCoupons.normalise(code);
        return coupons.remove(openForChange(cartId, profileId), coupon, channel, now());
    }

    @Override
    @Transactional
    public Cart chooseFulfilment(UUID cartId, Fulfilment.Kind kind, @Nullable UUID locationId, Channel channel,
            @Nullable UUID profileId) {
        StoredCart stored = openForChange(cartId, profileId);
        Instant now = now();
        if (kind == Fulfilment.Kind.DELIVERY) {
            // The holds stay where they are; the next line is held where the channel has most stock.
            store.fulfilment(cartId, kind, null, now);
            return activity.respond(stored.cart().withFulfilment(kind, null, now), stored.lines(), stored.coupons(),
                    channel, now, false);
        }
        if (locationId == null) {
            throw new InvalidRequestException("locationId", "is required for pickup");
        }
        StockLocation location = holds.pickupLocation(locationId);
        store.fulfilment(cartId, kind, location.id(), now);
        CartRow pickup = stored.cart().withFulfilment(kind, location.id(), now);
        List<LineRow> held = new ArrayList<>(stored.lines().size());
        for (LineRow line : stored.lines()) {
            LineRow moved = holds.hold(pickup, Sku.of(line.sku()), line.quantity(), line, channel.key(), now);
            store.saveLine(cartId, moved);
            held.add(moved);
        }
        return activity.respond(pickup, held, stored.coupons(), channel, now, false);
    }

    @Transactional
    public MergeOutcome merge(UUID anonymousCartId, UUID profileId, Channel channel) {
        UUID profile = profiles.get(profileId).id();
        StoredCart anonymous = store.lock(anonymousCartId);
        CartRules.checkOpen(anonymousCartId, anonymous.cart().state(), anonymous.cart().mergedInto());
        Instant now = now();
        if (anonymous.cart().profileId() != null) {
            CartRules.checkCustomer(anonymousCartId, anonymous.cart().profileId(), profile);
            return new MergeOutcome(activity.respond(anonymous, channel, now, false), false, List.of());
        }
        Optional<CartRow> open = store.openOfProfile(profile);
        if (open.isEmpty()) {
            store.assign(anonymousCartId, profile, now);
            return new MergeOutcome(activity.respond(anonymous.cart().withProfile(profile, now), anonymous.lines(),
                    anonymous.coupons(), channel, now, false), false, List.of());
        }
        StoredCart survivor = store.lock(open.get().id());
        List<MergeOutcome.Conflict> conflicts = merges.merge(anonymous, survivor, profile, channel, now);
        return new MergeOutcome(activity.respond(store.lock(survivor.id()), channel, now, false), true, conflicts);
    }

    @Transactional
    public Cart close(UUID cartId, Channel channel, @Nullable UUID profileId) {
        StoredCart stored = openForChange(cartId, profileId);
        Instant now = now();
        stored.lines().forEach(holds::release);
        store.changeState(cartId, CartState.CLOSED, null, now);
        publisher.publishEvent(new CartClosed(cartId, channel.key(), now));
        return activity.respond(stored.cart().withState(CartState.CLOSED, null, now), stored.lines(),
                stored.coupons(), channel, now, false);
    }

    @Override
    @Transactional
    public Cart holdForCheckout(UUID cartId, Channel channel, @Nullable UUID profileId) {
        StoredCart stored = openForChange(cartId, profileId);
        Instant now = now();
        if (stored.lines().isEmpty()) {
            throw new ConflictException("cartId", "Cart " + cartId + " is empty");
        }
        List<LineRow> held = new ArrayList<>(stored.lines().size());
        for (LineRow line : stored.lines()) {
            LineRow current = line;
            if (!holds.liveInInventory(line, now)) {
                // The cart's own hold is gone, so it must not count as available to the cart.
                LineRow unheld = line.withHold(line.quantity(), line.locationId(), null, null);
                current = holds.hold(stored.cart(), Sku.of(line.sku()), line.quantity(), unheld, channel.key(), now);
                store.saveLine(cartId, current);
            }
            held.add(current);
        }
        return activity.respond(stored.cart(), held, stored.coupons(), channel, now, false);
    }

    @Override
    @Transactional
    public Cart checkOut(UUID cartId, UUID orderId, Channel channel, @Nullable UUID profileId) {
        StoredCart stored = openForChange(cartId, profileId);
        Instant now = now();
        Cart open = activity.respond(stored, channel, now, false);
        store.changeState(cartId, CartState.CHECKED_OUT, null, now);
        publisher.publishEvent(new CartCheckedOut(cartId, orderId, channel.key(), now));
        return new Cart(open.id(), CartState.CHECKED_OUT, open.anonymousId(), open.profileId(), open.currency(),
                null, open.fulfilment(), open.lines(), open.coupons(), open.quote(), open.couponIssues(),
                open.pricingProblem(), channel.key(), open.expiresAt(), open.createdAt(), now);
    }

    @Transactional
    public Handoff issueHandoff(UUID cartId, Channel channel, @Nullable UUID profileId) {
        openForChange(cartId, profileId);
        return handoffs.issue(cartId, channel);
    }

    @Transactional(readOnly = true)
    public Handoff liveHandoff(UUID cartId) {
        return handoffs.live(cartId);
    }

    /**
     * A claim through the API: a shop's till (its channel key is the shop's location code) takes the cart over as
     * {@link #claimAtTill} does; any other channel just gets it priced for itself.
     */
    @Transactional
    public Cart claimHandoff(String code, Channel channel) {
        Optional<StockLocation> shop = locations.findByCode(channel.key());
        if (shop.isPresent()) {
            return claimAtTill(code, shop.get().id(), channel).cart();
        }
        Instant now = now();
        HandoffRow handoff = handoffs.claimable(code, now);
        StoredCart cart = store.lock(handoff.cartId());
        CartRules.checkOpen(cart.id(), cart.cart().state(), cart.cart().mergedInto());
        handoffs.claim(handoff, channel, now);
        return activity.respond(cart, channel, now, true);
    }

    @Override
    @Transactional
    public AtTill claimAtTill(String code, UUID shopId, Channel channel) {
        StockLocation shop = shop(shopId);
        Instant now = now();
        HandoffRow handoff = handoffs.claimable(code, now);
        StoredCart cart = store.lock(handoff.cartId());
        CartRules.checkOpen(cart.id(), cart.cart().state(), cart.cart().mergedInto());
        handoffs.claim(handoff, channel, now);
        return tills.bringTo(cart, shop, channel, now, true);
    }

    @Override
    @Transactional
    public AtTill bringToShop(UUID cartId, UUID shopId, Channel channel) {
        StockLocation shop = shop(shopId);
        return tills.bringTo(openForChange(cartId, null), shop, channel, now(), false);
    }

    @Override
    @Transactional
    public AtTill attachCustomer(UUID cartId, UUID profileId, UUID shopId, Channel channel) {
        StockLocation shop = shop(shopId);
        MergeOutcome outcome = merge(cartId, profileId, channel);
        return tills.bringTo(openForChange(outcome.cart().id(), profileId), shop, channel, now(), false);
    }

    private StockLocation shop(UUID shopId) {
        try {
            return locations.get(shopId);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("shopId", "location " + shopId + " does not exist");
        }
    }

    private StoredCart openForChange(UUID cartId, @Nullable UUID profileId) {
        StoredCart cart = store.lock(cartId);
        CartRules.checkCustomer(cartId, cart.cart().profileId(), profileId);
        CartRules.checkOpen(cartId, cart.cart().state(), cart.cart().mergedInto());
        return cart;
    }

    /** Now as PostgreSQL stores it, so that what a call returns equals what a later read of it gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void positive(int quantity) {
        if (quantity < 1) {
            throw new InvalidRequestException("quantity", "must be 1 or more");
        }
    }
}
