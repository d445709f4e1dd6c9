package io.throughline.pricing;

import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What the quote engine prices: the lines, in whose context (channel, currency, customer, group, segments), with
 * which coupons (already resolved to their promotions) and when.
 */
@NamedInterface("engine")
public record Cart(String channel, String currency, @Nullable UUID customerId, @Nullable String customerGroup,
        List<String> segments, List<Line> lines, List<PresentedCoupon> coupons, Instant at) {

    /** A line: a SKU, how many, and the categories it is filed under with all their ancestors. */
    public record Line(Sku sku, int quantity, List<UUID> categoryIds) {
        public Line {
            if (quantity < 1) {
                throw new InvalidRequestException("quantity", "must be 1 or more");
            }
            categoryIds = List.copyOf(categoryIds);
        }
    }

    /** A coupon code the customer presented, and the promotion it unlocks. */
    public record PresentedCoupon(String code, UUID promotionId) {}

    public Cart {
        segments = List.copyOf(segments);
        lines = List.copyOf(lines);
        coupons = List.copyOf(coupons);
    }
}
