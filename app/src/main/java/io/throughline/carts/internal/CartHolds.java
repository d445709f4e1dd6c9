package io.throughline.carts.internal;

import io.throughline.carts.internal.HoldPolicy.Candidate;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.LocationAvailability;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLevel;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The stock behind a cart's lines: inventory reservations with the reference {@code cart:<id>}, held where
 * {@link HoldPolicy} says and for the cart's time to live. Capacity is checked before reserving, because a
 * refusal inside inventory's transaction would mark the caller's for rollback.
 */
@Component
@EnableConfigurationProperties(CartsProperties.class)
class CartHolds {

    private final Availability availability;
    private final Reservations reservations;
    private final StockLedger ledger;
    private final StockLocations locations;
    private final Duration ttl;

    CartHolds(Availability availability, Reservations reservations, StockLedger ledger, StockLocations locations,
            CartsProperties properties) {
        this.locations = locations;
        this.availability = availability;
        this.reservations = reservations;
        this.ledger = ledger;
        this.ttl = properties.timeToLive();
    }

    Duration ttl() {
        return ttl;
    }

    /** Holds the quantity for the line, moving the hold when another location has to cover it. */
    LineRow hold(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, String channel, Instant now) {
        return holdAt(cart, sku, quantity, existing, place(cart, sku, quantity, existing, channel, now), now);
    }

    /** Where the quantity would be held; refused when no candidate location can cover it. */
    Candidate place(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, String channel, Instant now) {
        List<Candidate> candidates = candidates(cart, sku, existing, channel, now);
        return HoldPolicy.choose(candidates, quantity, existing == null ? null : existing.locationId())
                .orElseThrow(() -> new ConflictException("quantity", "Only " + HoldPolicy.mostHoldable(candidates)
                        + " of " + sku + " available " + (cart.pickupLocationId() == null ? "on channel " + channel
                        : "for pickup at " + candidates.getFirst().code()) + "; cannot hold " + quantity));
    }

    /** Holds the quantity where {@link #place} chose, releasing the line's hold elsewhere. */
    LineRow holdAt(CartRow cart, Sku sku, int quantity, @Nullable LineRow existing, Candidate at, Instant now) {
        Reservation reservation = reservations.reserve(sku, at.locationId(), quantity, reference(cart), ttl);
        if (existing != null && existing.reservationId() != null && !at.locationId().equals(existing.locationId())) {
            reservations.release(existing.reservationId());
        }
        return new LineRow(sku.value(), quantity, at.locationId(), reservation.id(), reservation.expiresAt(),
                existing == null ? now : existing.addedAt());
    }

    /** The most of the SKU the cart could hold at any one location, its own hold of the line included. */
    int mostHoldable(CartRow cart, Sku sku, @Nullable LineRow existing, String channel, Instant now) {
        return HoldPolicy.mostHoldable(candidates(cart, sku, existing, channel, now));
    }

    /** The line held anew: where it is while that location can still cover it, else wherever can; unheld if nowhere. */
    LineRow renew(CartRow cart, LineRow line, String channel, Instant now) {
        Sku sku = Sku.of(line.sku());
        if (line.heldAt(now) && line.locationId() != null) {
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

    /**
     * The most of the line's SKU the cart could hold at the shop, its own live hold there included: what a till
     * taking the cart over can hand across its counter.
     */
    int holdableAt(CartRow cart, LineRow line, UUID shopId, String channel, Instant now) {
        CartRow atShop = cart.withFulfilment(io.throughline.carts.Fulfilment.Kind.PICKUP, shopId, now);
        return HoldPolicy.mostHoldable(candidates(atShop, Sku.of(line.sku()), line, channel, now));
    }

    /**
     * The line held at the shop, its hold elsewhere given back; empty (and nothing changed) when the shop has too
     * few for the line's quantity. A line already held at the shop keeps its hold.
     */
    Optional<LineRow> moveTo(CartRow cart, LineRow line, UUID shopId, String channel, Instant now) {
        if (shopId.equals(line.locationId()) && liveInInventory(line, now)) {
            return Optional.of(line);
        }
        CartRow atShop = cart.withFulfilment(io.throughline.carts.Fulfilment.Kind.PICKUP, shopId, now);
        Sku sku = Sku.of(line.sku());
        // A hold the cart still lists but inventory let go must not count as the cart's own stock at the shop.
        LineRow own = liveInInventory(line, now) ? line : line.withHold(line.quantity(), line.locationId(), null, null);
        return HoldPolicy.choose(candidates(atShop, sku, own, channel, now), line.quantity(), shopId)
                .map(at -> holdAt(atShop, sku, line.quantity(), own, at, now));
    }

    /** The location the shopper picks up at; refused as field {@code locationId} unless it offers pickup. */
    StockLocation pickupLocation(UUID locationId) {
        StockLocation location;
        try {
            location = locations.get(locationId);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("locationId", "location " + locationId + " does not exist");
        }
        if (!location.pickup()) {
            throw new InvalidRequestException("locationId", "location " + location.code() + " does not offer pickup");
        }
        return location;
    }

    /** Whether the line's reservation still holds its stock in inventory's books, not only in the cart's. */
    boolean liveInInventory(LineRow line, Instant now) {
        return line.reservationId() != null && reservations.get(line.reservationId()).activeAt(now);
    }

    void release(LineRow line) {
        if (line.reservationId() != null) {
            reservations.release(line.reservationId());
        }
    }

    /**
     * Where the cart could hold the SKU and how much: the pickup shop once chosen, else the channel's eligible
     * locations. The cart's own live hold at a location counts as available to it.
     */
    private List<Candidate> candidates(CartRow cart, Sku sku, @Nullable LineRow existing, String channel,
            Instant now) {
        int own = existing != null && existing.heldAt(now) ? existing.quantity() : 0;
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

    private static String reference(CartRow cart) {
        return "cart:" + cart.id();
    }
}
