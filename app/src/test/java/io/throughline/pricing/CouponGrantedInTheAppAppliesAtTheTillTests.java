package io.throughline.pricing;

import static io.throughline.pricing.ShopperQuotedTheSamePriceInEveryChannelTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The app grants a customer a personal coupon; at the till the same prices and the same coupon apply, and it
 * is used up once, by her, when the till redeems it.
 */
@PlatformTest
class CouponGrantedInTheAppAppliesAtTheTillTests {

    @LocalServerPort
    int port;

    PricingApi pricing;
    String sku;
    String batch;
    UUID customer = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        pricing = new PricingApi(port);
        sku = PricingApi.skus();
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "399.00", sku + "ASZU", "1299.00"));
        String welcome = pricing.promotion("""
                {"name": "app welcome campaign %s", "stacking": "STACKABLE", "priority": 10, "couponRequired": true,
                 "perCustomerLimit": 1, "reward": {"type": "PERCENT_OFF", "percent": 10, "scope": "ORDER"}}"""
                .formatted(sku));
        batch = pricing.uniqueBatch(welcome, "W" + sku.substring(1, 6), 5);
    }

    @Test
    void aCouponGrantedInTheAppGivesTheSameAdjustmentAtTheTill() {
        String code = pricing.grant(batch, customer, "app");
        assertThat(pricing.grant(batch, customer, "app")).as("granting again returns the same code").isEqualTo(code);

        JsonNode inApp = pricing.quoted(cart("app", customer, code));
        JsonNode atTill = pricing.quoted(cart("shop-budapest", customer, code));

        assertThat(atTill.get("adjustments")).isEqualTo(inApp.get("adjustments"));
        assertThat(atTill.get("lines")).isEqualTo(inApp.get("lines"));
        assertThat(atTill.get("total").get("minor").asLong()).isEqualTo(2 * 399_00 + 1299_00 - (79_80 + 129_90));
        assertThat(atTill.get("adjustments").get(0).get("reason").asString())
                .isEqualTo("\u221210 %: " + code + " coupon, app welcome campaign " + sku);
    }

    @Test
    void theTillRedeemsTheCouponOnceAndOnlyForHer() {
        String code = pricing.grant(batch, customer, "app");
        assertRefused(pricing.quote(cart("shop-budapest", UUID.randomUUID(), code)), "couponCodes",
                "not that customer");
        assertRefused(pricing.quote(cart("shop-budapest", null, code)), "couponCodes", "needs that customer's id");
        assertThat(pricing.quoted(cart("shop-budapest", customer, code)).get("total").get("minor").asLong())
                .as("a quote uses nothing up").isEqualTo(2 * 399_00 + 1299_00 - 209_70);

        String reference = "receipt-" + sku;
        var redeemed = redeem(reference, cart("shop-budapest", customer, code));
        var again = redeem(reference, cart("shop-budapest", customer, code));

        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
        assertThat(redeemed.json().get("quote").get("discount").get("minor").asLong()).isEqualTo(-209_70);
        assertThat(again.json().get("id")).as("the same reference is the same redemption")
                .isEqualTo(redeemed.json().get("id"));
        assertRefused(pricing.quote(cart("web", customer, code)), "couponCodes", "has already been used");

        // A second code of the same batch would be new, but the promotion allows her one use.
        String second = pricing.grant(batch, customer, "web");
        assertThat(second).isNotEqualTo(code);
        assertRefused(pricing.quote(cart("web", customer, second)), "couponCodes",
                "this customer has already used promotion 'app welcome campaign " + sku + "' as often as it allows: 1 time");
        assertRefused(redeem("receipt-2-" + sku, cart("web", customer, second)), "couponCodes", "already used");
        JsonNode promotion = pricing.api.get("/api/pricing/promotions?size=200").json();
        assertThat(promotion.get("items").valueStream()
                .filter(item -> item.get("definition").get("name").asString().endsWith(sku))
                .findFirst().orElseThrow().get("usedCount").asInt()).isEqualTo(1);
    }

    private Api.Response redeem(String reference, String quote) {
        return pricing.api.post("/api/pricing/redemptions",
                "{\"reference\": \"" + reference + "\", \"quote\": " + quote + "}");
    }

    private String cart(String channel, UUID customerId, String code) {
        return """
                {"channel": "%s", "currency": "CZK", %s "couponCodes": ["%s"],
                 "lines": [{"sku": "%sWINE", "quantity": 2}, {"sku": "%sASZU", "quantity": 1}]}"""
                .formatted(channel, customerId == null ? "" : "\"customerId\": \"" + customerId + "\",", code, sku, sku);
    }
}
