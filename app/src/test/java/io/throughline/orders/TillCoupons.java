package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import java.util.Map;

/** Coupons for the till's scenarios, granted through the pricing API as the app's welcome campaign grants them. */
final class TillCoupons {

    private TillCoupons() {}

    /** A personal 10 % coupon off the whole order for the customer; returns its code. */
    static String grantedTenPercent(Api api, String profile) {
        String suffix = CartFixture.unique();
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "till welcome " + suffix,
                "stacking", "STACKABLE", "priority", 10, "couponRequired", true, "perCustomerLimit", 1,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ORDER"))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        var batch = api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", "till welcome " + suffix, "kind", "UNIQUE",
                        "prefix", "TW" + suffix.substring(Math.max(0, suffix.length() - 4)), "count", 1)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        var granted = api.post("/api/pricing/coupons/grants", Api.json(Map.of("batchId",
                batch.json().get("id").asString(), "customerId", profile, "channel", "app")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().get("code").asString();
    }
}
