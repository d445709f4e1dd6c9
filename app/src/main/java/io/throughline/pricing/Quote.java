package io.throughline.pricing;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The price of a cart: each line at its list price with its share of the discounts, every adjustment with a
 * reason a customer can read, and the totals. A quote is a preview; nothing is used up until a redemption.
 */
public record Quote(String channel, String currency, @Nullable UUID customerId, Instant at, List<Line> lines,
        List<Adjustment> adjustments, List<CouponNote> notApplied, Money subtotal, Money discount, Money total,
        boolean freeShipping) {

    /** One priced line: unit price from the named list, subtotal, the line's share of discounts, and total. */
    public record Line(int index, String sku, int quantity, Money unitPrice, UUID priceListId, String priceListName,
            Money subtotal, Money discount, Money total) {}

    /**
     * One promotion's effect: a negative amount (zero for free shipping), its share on each line, and a reason
     * naming the promotion and the coupon that unlocked it.
     */
    public record Adjustment(UUID promotionId, String promotionName, @Nullable String couponCode, String type,
            Money amount, String reason, List<LineShare> lines) {}

    /** The part of an adjustment that falls on one line (by its index in the cart). */
    public record LineShare(int line, Money amount) {}

    /** A presented coupon that gave nothing, and why (minimum spend not reached, no qualifying items, …). */
    public record CouponNote(String code, String reason) {}

    public Quote {
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
        notApplied = List.copyOf(notApplied);
    }
}
