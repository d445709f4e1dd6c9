package io.throughline.pricing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch of coupon codes for one promotion: one shared code everybody may use ({@code SHARED}), or unique
 * codes, each used once and each grantable to one customer ({@code UNIQUE}).
 */
public record CouponBatch(UUID id, UUID promotionId, String name, Kind kind, @Nullable String sharedCode,
        long codes, long granted, long redeemed, Instant createdAt) {

    public enum Kind {
        SHARED,
        UNIQUE
    }
}
