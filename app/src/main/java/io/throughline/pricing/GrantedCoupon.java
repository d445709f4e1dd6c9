package io.throughline.pricing;

import java.time.Instant;
import java.util.UUID;

/** A code granted to a customer: usable in every channel the promotion runs on, by that customer. */
public record GrantedCoupon(String code, UUID batchId, UUID promotionId, UUID customerId, String grantedChannel,
        Instant grantedAt) {}
