package io.throughline.carts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class CartActivityOnCustomer360Tests {

    @LocalServerPort
    int port;

    @Test
    void whatSheDoesInHerCartAppearsOnHerTimelineWithTheChannelAndSegmentProperties() {
        CartFixture fixture = new CartFixture(port);
        Api api = fixture.api;
        Admin admin = new Admin(port);
        String furmint = fixture.product("Király Furmint", List.of("web", "app"), "230.00");
        fixture.receive(furmint, "warehouse-tokaj", 10);
        String code = "TIMELINE" + CartFixture.unique();
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "timeline " + code, "currency", "CZK",
                "stacking", "STACKABLE", "priority", 5, "couponRequired", true,
                "reward", Map.of("type", "AMOUNT_OFF", "amount", 20, "scope", "ORDER"))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        assertThat(api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", code, "kind", "SHARED", "code", code))).status()).isEqualTo(201);
        String profile = fixture.customer();
        String cart = fixture.customerCart("app", profile);

        fixture.added(cart, "app", furmint, 3);
        fixture.view(cart, "web");
        assertThat(api.post("/api/carts/" + cart + "/coupons?channel=web", Api.json(Map.of("code", code))).status())
                .isEqualTo(200);
        assertThat(api.patch("/api/carts/" + cart + "/lines/" + furmint + "?channel=app", "{\"quantity\": 1}")
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Product Added", "Cart Viewed", "Coupon Applied", "Product Removed"));
        JsonNode items = api.get("/api/customers/" + profile + "/timeline?limit=50").json().get("items");
        JsonNode added = find(items, "Product Added");
        assertThat(added.toString()).contains("\"channel\":\"app\"").contains("\"cart_id\":\"" + cart + "\"")
                .contains("\"sku\":\"" + furmint + "\"").contains("\"quantity\":3").contains("\"name\":\"Király Furmint\"")
                .contains("\"price\":230");
        assertThat(find(items, "Cart Viewed").toString()).contains("\"channel\":\"web\"");
        assertThat(find(items, "Coupon Applied").toString()).contains("\"coupon\":\"" + code + "\"");
        assertThat(find(items, "Product Removed").toString()).contains("\"quantity\":2");
    }

    private static JsonNode find(JsonNode items, String label) {
        for (JsonNode item : items) {
            if (item.get("label").asString().equals(label)) {
                return item;
            }
        }
        throw new AssertionError("no " + label + " in " + items);
    }
}
