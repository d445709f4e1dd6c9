package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The canonical scenario on the demo brand's prices: the app grants her a 10 % coupon, and at the Budapest
 * till the same prices and the same coupon apply, next to the tasting-evening bundle.
 */
@PlatformTest
class ShopperUsingTheAppWelcomeCouponAtTheTillTests {

    /** A Tuesday noon in Budapest, outside every time-limited demo promotion. */
    static final Instant TUESDAY_NOON = Instant.parse("2026-11-24T11:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    DemoPrices demoPrices;

    @Test
    void theAppsWelcomeCouponAndTheBundleGiveTheSamePriceAtTheTill() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        String batch = api.get("/api/pricing/coupon-batches?size=200").json().get("items").valueStream()
                .filter(item -> item.get("name").asString().equals(DemoPrices.WELCOME_BATCH))
                .findFirst().orElseThrow().get("id").asString();
        UUID her = UUID.randomUUID();
        var granted = api.post("/api/pricing/coupons/grants",
                Api.json(Map.of("batchId", batch, "customerId", her.toString(), "channel", "app")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String code = granted.json().get("code").asString();

        JsonNode inApp = quote(api, "app", her, code, "HUF");
        JsonNode atTill = quote(api, "shop-budapest", her, code, "HUF");

        assertThat(atTill.get("total")).isEqualTo(inApp.get("total"));
        // Free delivery is for the web shop and the app; everything that changes a price is the same.
        assertThat(priced(atTill)).isEqualTo(priced(inApp)).hasSize(3);
        assertThat(inApp.get("freeShipping").asBoolean()).isTrue();
        assertThat(atTill.get("lines").get(0).get("unitPrice").get("minor").asLong()).isEqualTo(14_090_00);
        assertThat(atTill.get("adjustments").valueStream().map(adjustment -> adjustment.get("reason").asString()))
                .contains("\u221210 %: " + code + " coupon, app welcome campaign")
                .anyMatch(reason -> reason.startsWith("Bundle price 32490.00 HUF: tasting evening"));
        assertThat(atTill.get("total").get("minor").asLong()).isLessThan(atTill.get("subtotal").get("minor").asLong());
    }

    @Test
    void euroAndZlotyPricesEndIn99And90() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);

        long euro = quote(api, "web", null, null, "EUR").get("lines").get(0).get("unitPrice").get("minor").asLong();
        long zloty = quote(api, "web", null, null, "PLN").get("lines").get(0).get("unitPrice").get("minor").asLong();

        // 14 090 Ft at 400 Ft/€ is 35.23 €, shelved at 35.99 €; at 92 Ft/zł it is 153.15 zł, shelved at 153.90 zł.
        assertThat(euro).isEqualTo(35_99);
        assertThat(zloty).isEqualTo(153_90);
    }

    @Test
    void threeForTwoOnGlassesFollowsTheCatalogueCategory() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        JsonNode promotion = api.get("/api/pricing/promotions?size=200").json().get("items").valueStream()
                .filter(item -> item.get("definition").get("name").asString().equals("3 for 2 on glasses"))
                .findFirst().orElseThrow();
        assertThat(promotion.get("definition").get("conditions").get("categories")).hasSize(1);

        var quote = api.post("/api/pricing/quotes", """
                {"channel": "shop-tokaj", "currency": "HUF", "at": "%s",
                 "lines": [{"sku": "ACC-GLASS-WHITE-6", "quantity": 2}, {"sku": "ACC-GLASS-ASZU-2", "quantity": 1}]}"""
                .formatted(TUESDAY_NOON));

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode free = quote.json().get("adjustments").valueStream()
                .filter(adjustment -> adjustment.get("type").asString().equals("BUY_X_GET_Y")).findFirst().orElseThrow();
        assertThat(free.get("reason").asString()).isEqualTo("Buy 2, get 1 free: 3 for 2 on glasses");
        assertThat(free.get("lines")).hasSize(1);
        assertThat(free.get("lines").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(free.get("amount").get("minor").asLong()).isEqualTo(-5_990_00);
    }

    @Test
    void loadingAgainAddsNothing() {
        assertThat(demoPrices.load()).isFalse();
    }

    private static java.util.List<JsonNode> priced(JsonNode quote) {
        return quote.get("adjustments").valueStream()
                .filter(adjustment -> !adjustment.get("type").asString().equals("FREE_SHIPPING")).toList();
    }

    private static JsonNode quote(Api api, String channel, UUID customer, String code, String currency) {
        var quote = api.post("/api/pricing/quotes", """
                {"channel": "%s", "currency": "%s", %s %s "at": "%s",
                 "lines": [{"sku": "TK-ASZ5-LAPIS-2017", "quantity": 2}, {"sku": "ACC-TASTING-TICKET", "quantity": 1}]}"""
                .formatted(channel, currency, customer == null ? "" : "\"customerId\": \"" + customer + "\",",
                        code == null ? "" : "\"couponCodes\": [\"" + code + "\"],", TUESDAY_NOON));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        return quote.json();
    }
}
