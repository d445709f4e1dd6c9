package io.throughline.carts;

import io.throughline.pricing.Quote;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cart as every channel sees it, priced at the moment it was read.
 *
 * @param fulfilment   null until the shopper chooses; holds then sit where the channel has most stock
 * @param expiresAt    when the stock holds lapse unless the shopper does something in the cart
 * @param quote        the pricing engine's quote for the lines, channel, currency and customer; null for an empty
 *                     cart or when the lines cannot be priced on this channel ({@code pricingProblem} says why)
 * @param couponIssues coupons of the cart that do not apply in this channel now, with pricing's reason
 */
public record Cart(UUID id, CartState state, @Nullable String anonymousId, @Nullable UUID profileId,
        String currency, @Nullable UUID mergedInto, @Nullable Fulfilment fulfilment, List<Line> lines,
        List<String> coupons, @Nullable Quote quote, List<CouponIssue> couponIssues,
        @Nullable String pricingProblem, String channel, Instant expiresAt, Instant createdAt, Instant updatedAt) {

    /** One SKU in the cart with its stock hold. */
    public record Line(String sku, @Nullable UUID productId, String name, int quantity, @Nullable Hold hold) {}

    /**
     * The reservation holding a line's stock at one location.
     *
     * @param active false once the hold lapsed (or could not be renewed because the stock went)
     */
    public record Hold(UUID reservationId, UUID locationId, int quantity, Instant expiresAt, boolean active) {}

    /** A coupon pricing refuses for this cart right now. */
    public record CouponIssue(String code, String reason) {}

    public Cart {
        lines = List.copyOf(lines);
        coupons = List.copyOf(coupons);
        couponIssues = List.copyOf(couponIssues);
    }
}
