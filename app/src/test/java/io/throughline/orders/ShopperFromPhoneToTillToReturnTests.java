package io.throughline.orders;

import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The design's canonical scenario, steps 1 to 4 and 6, through the APIs as each channel calls them: browsing
 * and a cart on the phone, signing in on the laptop, a coupon from the app and click &amp; collect in Budapest,
 * the till taking over the cart by its handoff code, and a bottle brought back in Debrecen.
 */
@PlatformTest
class ShopperFromPhoneToTillToReturnTests {

    private static final List<String> READERS = List.of("web", "app", "shop-budapest");

    @LocalServerPort
    int port;

    @Test
    void sheBrowsesOnHerPhoneSignsInOnTheWebCollectsAtTheTillAndReturnsABottleInAnotherShop() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        Admin admin = new Admin(port);
        Collector app = new Collector(port, writeKeyOf(api, "app"));
        Collector web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        List<String> everywhere = List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj");
        String aszu = carts.product("Szarvas Aszú 6 puttonyos", everywhere, "1290.00");
        String furmint = carts.product("Betsek Furmint", everywhere, "430.00");
        for (String sku : List.of(aszu, furmint)) {
            carts.receive(sku, "warehouse-tokaj", 10);
            carts.receive(sku, "shop-budapest", 6);
            carts.receive(sku, "shop-debrecen", 2);
        }
        String suffix = CartFixture.unique().toLowerCase();
        String email = "zsofia-" + suffix + "@example.com";
        var known = api.post("/api/customers", Api.json(Map.of("givenName", "Zsófia", "familyName", "Kiss",
                "email", email)));
        assertThat(known.status()).as(known.body()).isEqualTo(201);
        String profile = known.json().get("id").asString();
        String webCart = fixture.cartWith("web", profile, furmint, 1);
        Map<String, Integer> budapestBefore = availableInBudapest(api, aszu);

        // (1) Anonymous on her phone: she looks at wines and puts two bottles of Aszú in a cart.
        String phone = "phone-" + suffix;
        for (String sku : List.of(furmint, aszu)) {
            assertThat(app.send("track", Api.json(Map.of("anonymousId", phone, "event", "Product Viewed",
                    "properties", Map.of("sku", sku)))).status()).isEqualTo(200);
        }
        var opened = api.post("/api/carts?channel=app", Api.json(Map.of("anonymousId", phone, "currency", "CZK")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String phoneCart = opened.json().get("id").asString();
        JsonNode onThePhone = carts.added(phoneCart, "app", aszu, 2);
        assertThat(line(onThePhone, aszu).get("quantity").asInt()).isEqualTo(2);
        assertThat(line(onThePhone, aszu).get("hold").get("quantity").asInt()).isEqualTo(2);
        String anonymous = admin.profileOf("anonymous_id:" + phone);
        assertThat(anonymous).isNotEqualTo(profile);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.timelineLabels(anonymous).stream()
                .filter("Product Viewed"::equals).count() == 2);

        // (2) She signs in on the laptop; the web shop's sign-in carries the anonymous id her session started with.
        assertThat(web.send("identify", Api.json(Map.of("anonymousId", phone, "userId", "u-" + suffix,
                "traits", Map.of("email", email)))).status()).isEqualTo(200);
        assertThat(admin.profileOf("anonymous_id:" + phone)).isEqualTo(profile);
        var found = api.post("/api/carts?channel=web", Api.json(Map.of("anonymousId", phone, "currency", "CZK")));
        assertThat(found.status()).as("the web finds the phone's open cart by the anonymous id").isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(phoneCart);
        var merged = api.post("/api/carts/" + phoneCart + "/merge?channel=web", Api.json(Map.of("profileId", profile)));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("merged").asBoolean()).isTrue();
        assertThat(merged.json().get("conflicts")).isEmpty();
        JsonNode cart = merged.json().get("cart");
        assertThat(cart.get("id").asString()).isEqualTo(webCart);
        assertThat(line(cart, aszu).get("quantity").asInt()).isEqualTo(2);
        assertThat(line(cart, furmint).get("quantity").asInt()).isEqualTo(1);
        assertThat(carts.view(phoneCart, "app").get("state").asString()).isEqualTo("MERGED");
        var hers = api.post("/api/carts?channel=app", Api.json(Map.of("profileId", profile, "currency", "CZK")));
        assertThat(hers.json().get("id").asString()).as("the app now opens the one cart").isEqualTo(webCart);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.timelineLabels(profile).stream()
                .filter("Product Viewed"::equals).count() == 2);

        // (3) The app grants her a 10 % coupon; she applies it and chooses click & collect in Budapest.
        String code = grantedInTheApp(api, profile, suffix);
        var applied = api.post("/api/carts/" + webCart + "/coupons?channel=app", Api.json(Map.of("code", code)));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        JsonNode withCoupon = applied.json().get("quote");
        long subtotal = 2 * 129_000 + 43_000;
        assertThat(withCoupon.get("subtotal").get("minor").asLong()).isEqualTo(subtotal);
        assertThat(withCoupon.get("discount").get("minor").asLong()).isEqualTo(-subtotal / 10);
        assertThat(withCoupon.get("adjustments").get(0).get("couponCode").asString()).isEqualTo(code);
        var pickup = api.put("/api/carts/" + webCart + "/fulfilment?channel=app",
                Api.json(Map.of("kind", "PICKUP", "locationId", carts.location("shop-budapest"))));
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
        String budapest = carts.location("shop-budapest");
        for (JsonNode line : pickup.json().get("lines")) {
            assertThat(line.get("hold").get("locationId").asString()).as("held in Budapest at once")
                    .isEqualTo(budapest);
            assertThat(line.get("hold").get("active").asBoolean()).isTrue();
        }
        Map<String, Integer> budapestAfter = availableInBudapest(api, aszu);
        for (String reader : READERS) {
            assertThat(budapestAfter.get(reader)).as("Budapest's Aszú as " + reader + " reads it")
                    .isEqualTo(budapestBefore.get(reader) - 2);
        }

        // (4) At the shop the till scans her handoff code: the same cart at the same prices with the same coupon.
        var issued = api.post("/api/carts/" + webCart + "/handoff?channel=app", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String handoff = issued.json().get("code").asString();
        var claimed = api.post("/api/carts/handoff/" + handoff + "?channel=shop-budapest", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        JsonNode atTheTill = claimed.json().get("quote");
        assertThat(atTheTill.get("lines")).isEqualTo(withCoupon.get("lines"));
        assertThat(atTheTill.get("adjustments")).isEqualTo(withCoupon.get("adjustments"));
        assertThat(atTheTill.get("total")).isEqualTo(withCoupon.get("total"));
        JsonNode order = fixture.placed("shop-budapest", "&profileId=" + profile,
                OrderFixture.checkout(webCart, "COUNTER", OrderFixture.paidBy("CARD_PRESENT")));
        String orderId = order.get("id").asString();
        assertThat(order.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(order.get("profileId").asString()).isEqualTo(profile);
        assertThat(order.get("total")).isEqualTo(withCoupon.get("total"));
        assertThat(order.get("coupons").get(0).asString()).isEqualTo(code);
        assertThat(order.get("payments").get(0).get("method").asString()).isEqualTo("CARD_PRESENT");
        assertThat(order.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
        JsonNode history = api.get("/api/customers/" + profile + "/orders").json();
        assertThat(history.get("items").get(0).get("id").asString()).isEqualTo(orderId);
        assertThat(history.get("items").get(0).get("channel").asString()).isEqualTo("shop-budapest");

        // (6) She brings one bottle of Aszú back in Debrecen: refunded to her card, the bottle on Debrecen's shelf.
        int debrecenBefore = fixture.onHand(aszu, "shop-debrecen");
        JsonNode soldAszu = orderLine(order, aszu);
        long paidForOne = soldAszu.get("total").get("minor").asLong() / 2;
        var returned = api.post("/api/orders/" + orderId + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", carts.location("shop-debrecen"), "refundTo", "ORIGINAL_PAYMENT", "reason", "a gift twice",
                "lines", List.of(Map.of("sku", aszu, "quantity", 1)))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(returned.json().get("refund").get("minor").asLong()).isEqualTo(paidForOne);
        assertThat(fixture.onHand(aszu, "shop-debrecen")).isEqualTo(debrecenBefore + 1);
        JsonNode after = api.get("/api/orders/" + orderId).json();
        assertThat(after.get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(after.get("payments").get(0).get("state").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(after.get("payments").get(0).get("refunded").get("minor").asLong()).isEqualTo(paidForOne);
        assertThat(after.get("returns").get(0).get("channel").asString()).isEqualTo("shop-debrecen");
        assertThat(orderLine(after, aszu).get("returnedQuantity").asInt()).isEqualTo(1);
        assertThat(after.get("history").valueStream().map(change -> change.get("state").asString() + " "
                + change.get("channel").asString())).containsExactly("PICKED_UP shop-budapest",
                "PARTIALLY_RETURNED shop-debrecen");
        assertThat(api.get("/api/customers/" + profile + "/orders").json().get("items").get(0).get("state")
                .asString()).isEqualTo("PARTIALLY_RETURNED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .anyMatch(label -> label.contains("Order Refunded"))
                .anyMatch(label -> label.contains("Product Returned")));
    }

    /** What web, app and the Budapest till can sell of the SKU from the Budapest shop's shelf. */
    private static Map<String, Integer> availableInBudapest(Api api, String sku) {
        Map<String, Integer> available = new HashMap<>();
        for (String channel : READERS) {
            var read = api.get("/api/inventory/availability?channel=" + channel + "&sku=" + sku);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            List<Integer> budapest = new ArrayList<>();
            read.json().get("locations").forEach(location -> {
                if (location.get("locationCode").asString().equals("shop-budapest")) {
                    budapest.add(location.get("available").asInt());
                }
            });
            assertThat(budapest).as(channel + " sells from the Budapest shop").hasSize(1);
            available.put(channel, budapest.getFirst());
        }
        return available;
    }

    /** A personal 10 % coupon for her, as the app's welcome campaign grants it. */
    private static String grantedInTheApp(Api api, String profile, String suffix) {
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "app welcome " + suffix,
                "stacking", "STACKABLE", "priority", 10, "couponRequired", true, "perCustomerLimit", 1,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ORDER"))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        var batch = api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", "app welcome " + suffix, "kind", "UNIQUE",
                        "prefix", "AW" + suffix.toUpperCase().substring(0, 4), "count", 1)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        var granted = api.post("/api/pricing/coupons/grants", Api.json(Map.of("batchId",
                batch.json().get("id").asString(), "customerId", profile, "channel", "app")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().get("code").asString();
    }

    /** The channel's write key: a new one issued to the demo source of that channel. */
    private static String writeKeyOf(Api api, String channel) {
        for (JsonNode source : api.get("/api/sources").json()) {
            if (source.get("channel").asString().equals(channel)) {
                var issued = api.post("/api/sources/" + source.get("id").asString() + "/write-keys", "");
                assertThat(issued.status()).as(issued.body()).isEqualTo(201);
                return issued.json().get("writeKey").asString();
            }
        }
        throw new AssertionError("no source with channel " + channel);
    }

    private static JsonNode orderLine(JsonNode order, String sku) {
        return order.get("lines").valueStream().filter(line -> line.get("sku").asString().equals(sku)).findFirst()
                .orElseThrow();
    }
}
