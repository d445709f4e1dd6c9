package io.throughline.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.catalog.CatalogueFixture;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every channel asks the one quote engine, so the same cart costs the same everywhere, explained the same way. */
@PlatformTest
class ShopperQuotedTheSamePriceInEveryChannelTests {

    @LocalServerPort
    int port;

    PricingApi pricing;
    CatalogueFixture catalogue;
    String sku;

    @BeforeEach
    void setUp() {
        pricing = new PricingApi(port);
        catalogue = new CatalogueFixture(port);
        sku = PricingApi.skus();
    }

    @Test
    void theSameCartGetsTheSamePriceAndReasonsOnTheWebTheAppTheTillAndTheContactCentre() {
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0,
                Map.of(sku + "WINE", "399.00", sku + "GLASS", "129.90"));
        pricing.promotion("""
                {"name": "glass week %1$s", "currency": "CZK", "stacking": "STACKABLE", "priority": 5,
                 "reward": {"type": "PERCENT_OFF", "percent": 15, "scope": "ITEMS"},
                 "conditions": {"products": ["%1$sGLASS"]}}""".formatted(sku));

        List<JsonNode> quotes = List.of("web", "app", "shop-budapest", "contact-centre").stream()
                .map(channel -> pricing.quoted(cart(channel, "[]", 2, 3))).toList();

        for (JsonNode quote : quotes) {
            assertThat(quote.get("subtotal").get("minor").asLong()).isEqualTo(2 * 399_00 + 3 * 129_90);
            // 15 % of 389.70 is 58.455, rounded half-even to 58.46.
            assertThat(quote.get("discount").get("minor").asLong()).isEqualTo(-58_46);
            assertThat(quote.get("total").get("minor").asLong()).isEqualTo(2 * 399_00 + 3 * 129_90 - 58_46);
            assertThat(quote.get("adjustments").get(0).get("reason").asString())
                    .isEqualTo("\u221215 %: glass week " + sku);
        }
    }

    @Test
    void theHighestPriorityListThatMatchesChannelGroupAndHasTheSkuWins() {
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "399.00", sku + "GLASS", "129.90"));
        pricing.priceList("CZ app " + sku, List.of("app"), null, 10, Map.of(sku + "WINE", "379.00"));
        pricing.priceList("CZ trade " + sku, List.of(), "trade", 20, Map.of(sku + "WINE", "300.00"));

        JsonNode web = pricing.quoted(cart("web", "[]", 1, 1));
        JsonNode app = pricing.quoted(cart("app", "[]", 1, 1));
        JsonNode trade = pricing.quoted(cart("app", "[]", 1, 1).replace("\"channel\"", "\"customerGroup\": \"trade\", \"channel\""));

        assertThat(web.get("lines").get(0).get("unitPrice").get("minor").asLong()).isEqualTo(399_00);
        assertThat(app.get("lines").get(0).get("unitPrice").get("minor").asLong()).isEqualTo(379_00);
        assertThat(app.get("lines").get(1).get("priceListName").asString()).isEqualTo("CZ shelf " + sku);
        assertThat(trade.get("lines").get(0).get("priceListName").asString()).isEqualTo("CZ trade " + sku);
    }

    @Test
    void changesToPricesAndPromotionsAreQuotedAtOnce() {
        String list = pricing.priceList("CZ shelf " + sku, List.of(), null, 0,
                Map.of(sku + "WINE", "399.00", sku + "GLASS", "129.90"));
        String promotion = pricing.promotion(promotionJson(10));
        assertThat(pricing.quoted(cart("web", "[]", 1, 1)).get("total").get("minor").asLong())
                .isEqualTo(399_00 - 39_90 + 129_90);

        pricing.setPrices(list, Map.of(sku + "WINE", "449.00"));
        var updated = pricing.api.put("/api/pricing/promotions/" + promotion, promotionJson(20));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        assertThat(pricing.quoted(cart("web", "[]", 1, 1)).get("total").get("minor").asLong())
                .isEqualTo(449_00 - 89_80 + 129_90);
    }

    @Test
    void aPromotionOnACategoryAppliesToItemsFiledUnderItsSubcategories() {
        String wines = category("Wines " + sku, null);
        String aszu = category("Aszú " + sku, wines);
        product(sku + "WINE", aszu);
        product(sku + "GLASS", null);
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "399.00", sku + "GLASS", "129.90"));
        pricing.promotion("""
                {"name": "wine month %s", "stacking": "STACKABLE",
                 "reward": {"type": "PERCENT_OFF", "percent": 20, "scope": "ITEMS"},
                 "conditions": {"categories": ["%s"]}}""".formatted(sku, wines));

        JsonNode quote = pricing.quoted(cart("web", "[]", 1, 1));

        assertThat(quote.get("adjustments")).hasSize(1);
        assertThat(quote.get("lines").get(0).get("discount").get("minor").asLong()).isEqualTo(-79_80);
        assertThat(quote.get("lines").get(1).get("discount").get("minor").asLong()).isZero();
    }

    private String category(String name, @Nullable String parentId) {
        return catalogue.category(name, parentId);
    }

    private void product(String variantSku, @Nullable String categoryId) {
        if (categoryId == null) {
            catalogue.product("Product " + variantSku, variantSku);
        } else {
            catalogue.product("Product " + variantSku, variantSku, categoryId);
        }
    }

    @Test
    void anItemWithoutAPriceIsRefusedNamingTheSku() {
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "399.00"));

        var refused = pricing.quote(cart("web", "[]", 1, 1));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[1].sku");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains(sku + "GLASS");
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheReason() {
        String list = pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "399.00"));
        String appOnly = pricing.promotion("""
                {"name": "app only %s", "stacking": "STACKABLE", "priority": 0, "couponRequired": true,
                 "reward": {"type": "PERCENT_OFF", "percent": 10, "scope": "ORDER"},
                 "conditions": {"channels": ["app"]}}""".formatted(sku));
        pricing.sharedCode(appOnly, sku + "APP");
        String ended = pricing.promotion("""
                {"name": "summer %s", "stacking": "STACKABLE", "priority": 0, "couponRequired": true,
                 "reward": {"type": "PERCENT_OFF", "percent": 10, "scope": "ORDER"},
                 "conditions": {"startsAt": "2025-06-01T00:00:00Z", "endsAt": "2025-09-01T00:00:00Z"}}"""
                .formatted(sku));
        pricing.sharedCode(ended, sku + "SUMMER");
        String oneLine = """
                {"channel": "%s", "currency": "CZK", "couponCodes": %s,
                 "lines": [{"sku": "%s", "quantity": %d}]}""";

        assertRefused(pricing.api.put("/api/pricing/price-lists/" + list + "/prices",
                "{\"prices\": [{\"sku\": \"" + sku + "WINE\", \"price\": -1}]}"), "prices[0].price", "negative");
        assertRefused(pricing.api.post("/api/pricing/price-lists",
                "{\"name\": \"x\", \"currency\": \"XYZ\", \"priority\": 0}"), "currency", "ISO 4217");
        assertRefused(pricing.quote(oneLine.formatted("web", "[]", sku + "WINE", 0)), "lines[0].quantity", "1 or more");
        assertRefused(pricing.quote(oneLine.formatted("web", "[]", sku + "WINE", -3)), "lines[0].quantity", "1 or more");
        assertRefused(pricing.quote(oneLine.formatted("web", "[]", "bad sku!", 1)), "lines[0].sku", "letters");
        assertRefused(pricing.quote(oneLine.formatted("web", "[\"NO-SUCH-CODE\"]", sku + "WINE", 1)),
                "couponCodes", "coupon NO-SUCH-CODE does not exist");
        assertRefused(pricing.quote(oneLine.formatted("shop-tokaj", "[\"" + sku + "APP\"]", sku + "WINE", 1)),
                "couponCodes", "is not valid on channel shop-tokaj: promotion 'app only " + sku + "' runs on app");
        assertRefused(pricing.quote(oneLine.formatted("web", "[\"" + sku + "SUMMER\"]", sku + "WINE", 1)),
                "couponCodes", "has expired");
        assertRefused(pricing.quote(oneLine.formatted("web", "[]", sku + "WINE", 1).replace("CZK", "EUX")),
                "currency", "ISO 4217");
        // A preview may be priced at another instant; a redemption is always priced now.
        String inSummer = oneLine.formatted("web", "[\"" + sku + "SUMMER\"]", sku + "WINE", 1)
                .replace("\"lines\"", "\"at\": \"2025-07-01T10:00:00Z\", \"lines\"");
        assertThat(pricing.quoted(inSummer).get("discount").get("minor").asLong()).isEqualTo(-39_90);
        assertRefused(pricing.api.post("/api/pricing/redemptions", "{\"reference\": \"summer-" + sku
                + "\", \"quote\": " + inSummer + "}"), "couponCodes", "has expired");
        // The coupon is fine where its promotion runs.
        assertThat(pricing.quoted(oneLine.formatted("app", "[\"" + sku.toLowerCase() + "app\"]", sku + "WINE", 1))
                .get("total").get("minor").asLong()).isEqualTo(359_10);
    }

    @Test
    void aPromotionNeedsItsCurrencyForAmountsAndRefusesNegativeOnes() {
        assertRefused(pricing.api.post("/api/pricing/promotions", """
                {"name": "x", "stacking": "STACKABLE", "priority": 0,
                 "reward": {"type": "AMOUNT_OFF", "amount": 100, "scope": "ORDER"}}"""), "currency", "required");
        assertRefused(pricing.api.post("/api/pricing/promotions", """
                {"name": "x", "currency": "CZK", "stacking": "STACKABLE", "priority": 0,
                 "reward": {"type": "AMOUNT_OFF", "amount": -100, "scope": "ORDER"}}"""), "reward.amount", "negative");
        assertRefused(pricing.api.post("/api/pricing/promotions", """
                {"name": "x", "stacking": "STACKABLE", "priority": 0,
                 "reward": {"type": "PERCENT_OFF", "percent": 150, "scope": "ORDER"}}"""), "reward.percent", "100");
    }

    private String promotionJson(int percent) {
        return """
                {"name": "wine days %1$s", "stacking": "STACKABLE", "priority": 0,
                 "reward": {"type": "PERCENT_OFF", "percent": %2$d, "scope": "ITEMS"},
                 "conditions": {"products": ["%1$sWINE"]}}""".formatted(sku, percent);
    }

    private String cart(String channel, String coupons, int wines, int glasses) {
        return """
                {"channel": "%s", "currency": "CZK", "couponCodes": %s,
                 "lines": [{"sku": "%sWINE", "quantity": %d}, {"sku": "%sGLASS", "quantity": %d}]}"""
                .formatted(channel, coupons, sku, wines, sku, glasses);
    }

    static void assertRefused(Api.Response response, String field, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(error.get("reason").asString()).as(response.body()).contains(reason);
    }
}
