package io.throughline.pricing;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.UUID;

/** Promotions, their coupon batches, and coupons granted to customers. */
public interface Promotions {

    PromotionView create(NewPromotion promotion);

    /** Replaces the definition; what has been used stays. Quotes see the change at once. */
    PromotionView update(UUID id, NewPromotion promotion);

    PromotionView get(UUID id);

    Page<PromotionView> list(PageRequest page);

    CouponBatch createBatch(UUID promotionId, NewCouponBatch batch);

    Page<CouponBatch> batches(PageRequest page);

    GrantedCoupon grant(CouponGrant grant);
}
