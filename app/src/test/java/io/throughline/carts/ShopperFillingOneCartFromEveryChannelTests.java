package io.throughline.carts;

import static io.throughline.carts.CartFixture.fields;
import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ShopperFillingOneCartFromEveryChannelTests {

    @LocalServerPort
    int port;

    CartFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new CartFixture(port);
        api = fixture.api;
    }

    @Test
    void addsFromEveryDeviceAtOnceAllLandInTheOneCart() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sku = fixture.product("Szamorodni " + i, List.of("web", "app"), "99.00");
            fixture.receive(sku, "warehouse-tokaj", 50);
            skus.add(sku);
        }
        String cart = fixture.anonymousCart("web");
        int addsEach = 4;

        // Every add waits for the one before it on the cart's lock, and must see the lines that one wrote.
        try (ExecutorService devices = Executors.newFixedThreadPool(skus.size())) {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                String sku = skus.get(i);
                String channel = i % 2 == 0 ? "web" : "app";
                statuses.add(devices.submit(() -> {
                    List<Integer> answered = new ArrayList<>();
                    for (int add = 0; add < addsEach; add++) {
                        answered.add(fixture.add(cart, channel, sku, 1).status());
                    }
                    return answered;
                }));
            }
            for (Future<List<Integer>> status : statuses) {
                assertThat(status.get(2, TimeUnit.MINUTES)).containsOnly(200);
            }
        }

        JsonNode filled = fixture.view(cart, "web");
        assertThat(filled.get("lines")).hasSize(skus.size());
        for (String sku : skus) {
            assertThat(line(filled, sku).get("quantity").asInt()).as(sku).isEqualTo(addsEach);
            assertThat(line(filled, sku).get("hold").get("quantity").asInt()).as(sku).isEqualTo(addsEach);
        }
        assertThat(fixture.reservationsOf(cart)).filteredOn(held -> held.get("state").asString().equals("HELD"))
                .extracting(held -> held.get("quantity").asInt()).hasSize(skus.size()).containsOnly(addsEach);
    }

    @Test
    void theAppCartIsTheWebCartAndEveryReadIsPricedAnew() {
        String furmint = fixture.product("Tokaji Furmint 2022", List.of("web", "app"), "249.90");
        fixture.receive(furmint, "warehouse-tokaj", 20);
        String anonymousId = "anon-" + CartFixture.unique();

        var opened = api.post("/api/carts?channel=app", Api.json(Map.of("anonymousId", anonymousId, "currency", "CZK")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String cart = opened.json().get("id").asString();
        fixture.added(cart, "app", furmint, 2);
        var again = api.post("/api/carts?channel=web", Api.json(Map.of("anonymousId", anonymousId, "currency", "CZK")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(cart);

        JsonNode onTheWeb = fixture.view(cart, "web");
        assertThat(onTheWeb.get("channel").asString()).isEqualTo("web");
        assertThat(onTheWeb.get("state").asString()).isEqualTo("OPEN");
        assertThat(line(onTheWeb, furmint).get("quantity").asInt()).isEqualTo(2);
        assertThat(line(onTheWeb, furmint).get("name").asString()).isEqualTo("Tokaji Furmint 2022");
        JsonNode quote = onTheWeb.get("quote");
        assertThat(quote.get("lines").get(0).get("unitPrice").get("minor").asLong()).isEqualTo(24_990);
        assertThat(quote.get("total").get("minor").asLong()).isEqualTo(49_980);

        // The price list changes between two reads: the next read shows the new price, nothing stale.
        fixture.setPrice(fixture.priceListOf(furmint), furmint, "199.90");
        assertThat(fixture.view(cart, "app").get("quote").get("total").get("minor").asLong()).isEqualTo(39_980);
    }

    @Test
    void adjustmentsArriveWithTheirExplanations() {
        String glass = fixture.product("Riedel Tokaji glass", List.of("web"), "300.00");
        fixture.receive(glass, "warehouse-tokaj", 20);
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "glass week " + glass,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", false,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ITEMS"),
                "conditions", Map.of("products", List.of(glass)))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        String cart = fixture.anonymousCart("web");

        JsonNode priced = fixture.added(cart, "web", glass, 3);

        JsonNode adjustment = priced.get("quote").get("adjustments").get(0);
        assertThat(adjustment.get("reason").asString()).contains("10 %").contains("glass week");
        assertThat(adjustment.get("amount").get("minor").asLong()).isEqualTo(-9_000);
        assertThat(priced.get("quote").get("total").get("minor").asLong()).isEqualTo(81_000);
    }

    @Test
    void changingAndRemovingLinesChangesAndReleasesTheirHolds() {
        String aszu = fixture.product("Tokaji Aszú 5 puttonyos", List.of("web"), "1290.00");
        fixture.receive(aszu, "warehouse-tokaj", 10);
        String cart = fixture.anonymousCart("web");
        fixture.added(cart, "web", aszu, 1);
        fixture.added(cart, "web", aszu, 2);

        var changed = api.patch("/api/carts/" + cart + "/lines/" + aszu + "?channel=web", "{\"quantity\": 5}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode hold = line(changed.json(), aszu).get("hold");
        assertThat(hold.get("quantity").asInt()).isEqualTo(5);
        assertThat(fixture.reservation(hold.get("reservationId").asString()).get("quantity").asInt()).isEqualTo(5);

        var removed = api.delete("/api/carts/" + cart + "/lines/" + aszu + "?channel=web");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("lines")).isEmpty();
        assertThat(removed.json().has("quote")).isFalse();
        assertThat(fixture.reservation(hold.get("reservationId").asString()).get("state").asString())
                .isEqualTo("RELEASED");
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() {
        String webOnly = fixture.product("Tokaji Hárslevelű", List.of("web"), "159.00");
        fixture.receive(webOnly, "warehouse-tokaj", 10);
        fixture.receive(webOnly, "shop-budapest", 10);
        String cart = fixture.anonymousCart("web");

        assertRefused(fixture.add(cart, "web", "NO-SUCH-" + CartFixture.unique(), 1), 400, "sku", "not in the catalogue");
        assertRefused(fixture.add(cart, "web", webOnly, 0), 400, "quantity", "");
        assertRefused(fixture.add(cart, "web", webOnly, -2), 400, "quantity", "");
        assertRefused(fixture.add(cart, "shop-budapest", webOnly, 1), 400, "sku", "not sold on channel shop-budapest");
        assertRefused(fixture.add(cart, "moon-base", webOnly, 1), 400, "channel", "not a known channel");
        assertRefused(api.post("/api/carts/" + cart + "/lines", Api.json(Map.of("sku", webOnly, "quantity", 1))),
                400, "channel", "is required");
        assertRefused(api.post("/api/carts?channel=web", Api.json(Map.of("currency", "CZK"))), 400, "anonymousId", "");

        String unpriced = "CT-" + CartFixture.unique();
        assertThat(api.post("/api/catalog/products", Api.json(Map.of("name", "Unpriced Furmint", "assortment",
                List.of(Map.of("channel", "web", "from", "2020-01-01T00:00:00Z")),
                "variants", List.of(Map.of("sku", unpriced))))).status()).isEqualTo(201);
        fixture.receive(unpriced, "warehouse-tokaj", 5);
        assertRefused(fixture.add(cart, "web", unpriced, 1), 400, "sku", "has no price in CZK on channel web");
        assertThat(fixture.reservationsOf(cart)).isEmpty();

        String her = fixture.customer();
        String someoneElse = fixture.customer();
        String hers = fixture.customerCart("web", her);
        var forged = api.get("/api/carts/" + hers + "?channel=web&profileId=" + someoneElse);
        assertThat(forged.status()).as(forged.body()).isEqualTo(404);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        assertThat(api.post("/api/carts/" + cart + "/close?channel=web", "").status()).isEqualTo(200);
        assertRefused(fixture.add(cart, "web", webOnly, 1), 409, "state", "is closed");
        assertThat(api.get("/api/carts/" + java.util.UUID.randomUUID() + "?channel=web").status()).isEqualTo(404);
    }

    @Test
    void aCouponPricingRefusesOnTheChannelIsRefusedWithPricingsReason() {
        String tokaji = fixture.product("Tokaji Szamorodni", List.of("web", "app"), "199.00");
        fixture.receive(tokaji, "warehouse-tokaj", 10);
        String code = "APPONLY" + CartFixture.unique();
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "app only " + code,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", true,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 15, "scope", "ORDER"),
                "conditions", Map.of("channels", List.of("app")))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        var batch = api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", code, "kind", "SHARED", "code", code)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        String cart = fixture.anonymousCart("web");
        fixture.added(cart, "web", tokaji, 2);

        assertRefused(api.post("/api/carts/" + cart + "/coupons?channel=web", Api.json(Map.of("code", code))), 400,
                "code", "is not valid on channel web");
        assertRefused(api.post("/api/carts/" + cart + "/coupons?channel=web", Api.json(Map.of("code", "NOPE"
                + CartFixture.unique()))), 400, "code", "does not exist");

        var applied = api.post("/api/carts/" + cart + "/coupons?channel=app", Api.json(Map.of("code", code.toLowerCase())));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("coupons").get(0).asString()).isEqualTo(code);
        assertThat(applied.json().get("quote").get("discount").get("minor").asLong()).isEqualTo(-5_970);

        // Read on the web, where the coupon does not apply: the prices are there, the coupon is reported.
        JsonNode onTheWeb = fixture.view(cart, "web");
        assertThat(onTheWeb.get("quote").get("discount").get("minor").asLong()).isZero();
        assertThat(onTheWeb.get("couponIssues").get(0).get("reason").asString()).contains("not valid on channel web");

        var removed = api.delete("/api/carts/" + cart + "/coupons/" + code + "?channel=app");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("coupons")).isEmpty();
    }

    @Test
    void onlySellingStaffWorkCarts() {
        String cart = fixture.anonymousCart("web");
        Admin admin = new Admin(port);
        Api associate = Api.at(port).withToken(admin.tokenFor("STORE_ASSOCIATE"));
        Api marketer = Api.at(port).withToken(admin.tokenFor("MARKETER"));

        assertThat(associate.get("/api/carts/" + cart + "?channel=shop-budapest").status()).isEqualTo(200);
        assertThat(marketer.get("/api/carts/" + cart + "?channel=web").status()).isEqualTo(403);
        assertThat(Api.at(port).get("/api/carts/" + cart + "?channel=web").status()).isEqualTo(401);
    }

    private static void assertRefused(Api.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
        assertThat(response.body()).contains(detail);
    }

}
