package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.CartState;
import io.throughline.carts.internal.CartPricing.Priced;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What any call on an open cart does besides its own change: lapsing holds are renewed, the cart's expiry is
 * pushed out and the channel noted as the last to work on it; then the cart is priced and shown. Carts that are
 * no longer open are shown as they are.
 */
@Component
class CartActivity {

    /** The open cart's lines after activity, with the expiry to store. */
    record Renewed(List<LineRow> lines, Instant expiresAt) {}

    private final JdbcCarts store;
    private final CartHolds holds;
    private final CartPricing pricing;
    private final CartViews views;
    private final CartEvents events;

    CartActivity(JdbcCarts store, CartHolds holds, CartPricing pricing, CartViews views, CartEvents events) {
        this.store = store;
        this.holds = holds;
        this.pricing = pricing;
        this.views = views;
        this.events = events;
    }

    /** The cart after activity from the channel, priced now; "Cart Viewed" when the shopper looked at it. */
    Cart respond(StoredCart stored, Channel channel, Instant now, boolean viewed) {
        return respond(stored.cart(), stored.lines(), stored.coupons(), channel, now, viewed);
    }

    Cart respond(CartRow cart, List<LineRow> lines, List<String> coupons, Channel channel, Instant now,
            boolean viewed) {
        if (cart.state() != CartState.OPEN) {
            return views.render(cart, lines, coupons, pricing.price(cart, lines, coupons, channel.key()),
                    channel.key(), now, cart.expiresAt(), cart.updatedAt());
        }
        Renewed renewed = renew(cart, lines, channel, now);
        store.touch(cart.id(), channel.key(), renewed.expiresAt(), now);
        Priced priced = pricing.price(cart, renewed.lines(), coupons, channel.key());
        Cart view = views.render(cart, renewed.lines(), coupons, priced, channel.key(), now, renewed.expiresAt(), now);
        if (viewed) {
            events.cartViewed(cart, channel, views.products(view));
        }
        return view;
    }

    /** The cart as staff see it: priced for the channel, no activity, no holds renewed. */
    Cart look(StoredCart stored, String channel, Instant now) {
        CartRow cart = stored.cart();
        return views.render(cart, stored.lines(), stored.coupons(),
                pricing.price(cart, stored.lines(), stored.coupons(), channel), channel, now, cart.expiresAt(),
                cart.updatedAt());
    }

    /**
     * Lapsing holds renewed (and stored), and the expiry activity now gives the cart; the caller stores that with
     * its own change.
     */
    Renewed renew(CartRow cart, List<LineRow> lines, Channel channel, Instant now) {
        List<LineRow> renewed = new ArrayList<>(lines.size());
        List<Instant> holdExpiries = new ArrayList<>();
        for (LineRow line : lines) {
            LineRow current = HoldPolicy.needsRenewal(line.holdExpiresAt(), now, holds.ttl())
                    ? holds.renew(cart, line, channel.key(), now) : line;
            if (current != line) {
                store.saveLine(cart.id(), current);
            }
            if (current.holdExpiresAt() != null) {
                holdExpiries.add(current.holdExpiresAt());
            }
            renewed.add(current);
        }
        return new Renewed(renewed, HoldPolicy.cartExpiry(now, holds.ttl(), holdExpiries));
    }
}
