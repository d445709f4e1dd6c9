package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.pricing.Quote;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Coupons presented on a locked open cart: taken only when pricing takes them for its lines, and "Coupon Applied". */
@Component
class CartCoupons {

    private final JdbcCarts store;
    private final CartPricing pricing;
    private final CartActivity activity;
    private final CartEvents events;

    CartCoupons(JdbcCarts store, CartPricing pricing, CartActivity activity, CartEvents events) {
        this.store = store;
        this.pricing = pricing;
        this.activity = activity;
        this.events = events;
    }

    /** The code as coupons are stored: trimmed, upper case; refused when empty or too long. */
    static String normalise(String code) {
        String coupon = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (coupon.isEmpty() || coupon.length() > 40) {
            throw new InvalidRequestException("code", "must be 1 to 40 characters");
        }
        return coupon;
    }

    Cart apply(StoredCart stored, String coupon, Channel channel, Instant now) {
        if (stored.lines().isEmpty()) {
            throw new InvalidRequestException("code", "cannot be applied to an empty cart; add a product first");
        }
        pricing.checkCoupon(stored.cart(), stored.lines(), coupon, channel);
        store.addCoupon(stored.id(), coupon, now);
        // Read again under the lock already held: where the new code sits among the others is the store's order.
        Cart result = activity.respond(store.lock(stored.id()), channel, now, false);
        Quote.Adjustment adjustment = result.quote() == null ? null : result.quote().adjustments().stream()
                .filter(candidate -> coupon.equals(candidate.couponCode())).findFirst().orElse(null);
        events.couponApplied(stored.cart(), channel, coupon, adjustment == null ? null : adjustment.promotionName(),
                adjustment == null ? null : adjustment.amount());
        return result;
    }

    Cart remove(StoredCart stored, String coupon, Channel channel, Instant now) {
        if (!store.removeCoupon(stored.id(), coupon)) {
            throw new NotFoundException("Coupon", coupon + " in cart " + stored.id());
        }
        return activity.respond(stored.cart(), stored.lines(),
                stored.coupons().stream().filter(code -> !code.equals(coupon)).toList(), channel, now, false);
    }
}
