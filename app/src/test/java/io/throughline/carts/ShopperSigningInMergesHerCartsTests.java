package io.throughline.carts;

import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ShopperSigningInMergesHerCartsTests {

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
    void herPhoneCartJoinsHerCustomerCartWithEveryChangeReported() {
        String aszu = fixture.product("Szarvas Aszú", List.of("web", "app"), "990.00");
        String appOnly = fixture.product("App exclusive Furmint", List.of("app"), "150.00");
        String glasses = fixture.product("Tasting glasses", List.of("web", "app"), "80.00");
        fixture.receive(aszu, "warehouse-tokaj", 8); // the web keeps 2 back: 6 can be held
        fixture.receive(appOnly, "warehouse-tokaj", 10);
        fixture.receive(glasses, "warehouse-tokaj", 20);
        String code = "APPWELCOME" + CartFixture.unique();
        appOnlyCoupon(code);
        String profile = fixture.customer();
        String customerCart = fixture.customerCart("web", profile);
        fixture.added(customerCart, "web", aszu, 2);
        fixture.added(customerCart, "web", glasses, 1);
        String phoneCart = fixture.anonymousCart("app");
        fixture.added(phoneCart, "app", aszu, 2);
        fixture.added(phoneCart, "app", appOnly, 1);
        fixture.added(phoneCart, "app", glasses, 3);
        var applied = api.post("/api/carts/" + phoneCart + "/coupons?channel=app", Api.json(Map.of("code", code)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        // Meanwhile the contact centre allocates the last 4 bottles to an order: the carts' 4 cannot all stay.
        var order = api.post("/api/inventory/reservations", Api.json(Map.of("sku", aszu,
                "locationId", fixture.location("warehouse-tokaj"), "quantity", 4, "reference",
                "order-" + CartFixture.unique(), "ttlSeconds", 600)));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        List<String> phoneHolds = new ArrayList<>();
        fixture.view(phoneCart, "app").get("lines").forEach(line -> phoneHolds.add(
                line.get("hold").get("reservationId").asString()));

        var merged = api.post("/api/carts/" + phoneCart + "/merge?channel=web", Api.json(Map.of("profileId", profile)));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode outcome = merged.json();
        assertThat(outcome.get("merged").asBoolean()).isTrue();
        JsonNode cart = outcome.get("cart");
        assertThat(cart.get("id").asString()).isEqualTo(customerCart);
        assertThat(line(cart, aszu).get("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, aszu).get("hold").get("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, glasses).get("quantity").asInt()).isEqualTo(4);
        assertThat(cart.get("lines")).hasSize(2);
        assertThat(cart.get("coupons")).isEmpty();
        assertThat(cart.get("quote").get("total").get("minor").asLong()).isEqualTo(2 * 99_000 + 4 * 8_000);

        List<String> conflicts = new ArrayList<>();
        outcome.get("conflicts").forEach(conflict -> conflicts.add(conflict.get("kind").asString() + " "
                + (!conflict.has("sku") ? conflict.get("coupon").asString() : conflict.get("sku").asString())));
        assertThat(conflicts).containsExactlyInAnyOrder("QUANTITY_CAPPED " + aszu, "NOT_SOLD " + appOnly,
                "COUPON_DROPPED " + code);
        assertThat(outcome.get("conflicts").toString()).contains("not valid on channel web");

        JsonNode phone = fixture.view(phoneCart, "app");
        assertThat(phone.get("state").asString()).isEqualTo("MERGED");
        assertThat(phone.get("mergedInto").asString()).isEqualTo(customerCart);
        for (String hold : phoneHolds) {
            assertThat(fixture.reservation(hold).get("state").asString()).isEqualTo("RELEASED");
        }
        for (JsonNode reservation : fixture.reservationsOf(customerCart)) {
            if (reservation.get("state").asString().equals("HELD")) {
                assertThat(reservation.get("sku").asString()).isIn(aszu, glasses);
            }
        }
        var afterwards = fixture.add(phoneCart, "app", glasses, 1);
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.json().get("detail").asString()).contains("merged into cart " + customerCart);
    }

    @Test
    void withoutACustomerCartHerAnonymousCartSimplyBecomesHers() {
        String furmint = fixture.product("Úrágya Furmint", List.of("web"), "210.00");
        fixture.receive(furmint, "warehouse-tokaj", 10);
        String profile = fixture.customer();
        String cart = fixture.anonymousCart("web");
        fixture.added(cart, "web", furmint, 2);

        var merged = api.post("/api/carts/" + cart + "/merge?channel=web", Api.json(Map.of("profileId", profile)));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("merged").asBoolean()).isFalse();
        assertThat(merged.json().get("cart").get("id").asString()).isEqualTo(cart);
        assertThat(merged.json().get("cart").get("profileId").asString()).isEqualTo(profile);
        // Her cart is now the one every channel opens for her.
        var opened = api.post("/api/carts?channel=shop-budapest", Api.json(Map.of("profileId", profile,
                "currency", "CZK")));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("id").asString()).isEqualTo(cart);

        var stranger = api.post("/api/carts/" + cart + "/merge?channel=web",
                Api.json(Map.of("profileId", fixture.customer())));
        assertThat(stranger.status()).isEqualTo(409);
        assertThat(CartFixture.fields(stranger)).containsExactly("profileId");
    }

    private void appOnlyCoupon(String code) {
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "merge test " + code,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", true,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ORDER"),
                "conditions", Map.of("channels", List.of("app")))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        var batch = api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", code, "kind", "SHARED", "code", code)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    }
}
