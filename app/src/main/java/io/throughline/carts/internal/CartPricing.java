package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.pricing.Pricing;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A cart's lines and coupons priced by the quote engine. A coupon pricing refuses on this channel (or any more)
 * does not hide the prices: the cart is quoted without it and the refusal is reported beside the quote.
 */
@Component
class CartPricing {

    /** The quote, the coupons left out of it and why, or why the lines cannot be priced at all. */
    record Priced(@Nullable Quote quote, List<Cart.CouponIssue> couponIssues, @Nullable String problem) {

        static final Priced EMPTY = new Priced(null, List.of(), null);
    }

    private final Pricing pricing;

    CartPricing(Pricing pricing) {
        this.pricing = pricing;
    }

    Priced price(CartRow cart, List<LineRow> lines, List<String> coupons, String channel) {
        if (lines.isEmpty()) {
            return Priced.EMPTY;
        }
        try {
            return new Priced(pricing.quote(request(cart, lines, coupons, channel)), List.of(), null);
        } catch (InvalidRequestException refused) {
            if (!refused.field().equals("couponCodes")) {
                return new Priced(null, List.of(), refused.reason());
            }
        }
        List<String> valid = new ArrayList<>();
        List<Cart.CouponIssue> issues = new ArrayList<>();
        for (String coupon : coupons) {
            String refusal = refusal(cart, lines, coupon, channel);
            if (refusal == null) {
                valid.add(coupon);
            } else {
                issues.add(new Cart.CouponIssue(coupon, refusal));
            }
        }
        try {
            return new Priced(pricing.quote(request(cart, lines, valid, channel)), issues, null);
        } catch (InvalidRequestException refused) {
            return new Priced(null, issues, refused.reason());
        }
    }

    /**
     * The lines priced for an add or a larger quantity: a SKU with no price on the channel cannot go into the
     * cart, since nobody could say what it costs.
     */
    Priced priceToSell(CartRow cart, List<LineRow> lines, List<String> coupons, Channel channel) {
        Priced priced = price(cart, lines, coupons, channel.key());
        if (priced.problem() != null) {
            throw new InvalidRequestException("sku", priced.problem());
        }
        return priced;
    }

    /** Refused as field {@code code} when pricing does not take the coupon for these lines. */
    void checkCoupon(CartRow cart, List<LineRow> lines, String coupon, Channel channel) {
        String refusal = refusal(cart, lines, coupon, channel.key());
        if (refusal != null) {
            throw new InvalidRequestException("code", refusal);
        }
    }

    /** Why pricing refuses the coupon for these lines; null when it takes it. */
    @Nullable String refusal(CartRow cart, List<LineRow> lines, String coupon, String channel) {
        try {
            pricing.quote(request(cart, lines, List.of(coupon), channel));
            return null;
        } catch (InvalidRequestException refused) {
            return refused.reason();
        }
    }

    private static QuoteRequest request(CartRow cart, List<LineRow> lines, List<String> coupons, String channel) {
        return new QuoteRequest(channel, cart.currency(), cart.profileId(), null, null, coupons,
                lines.stream().map(line -> new QuoteRequest.LineRequest(line.sku(), line.quantity())).toList(), null);
    }
}
