package io.throughline.orders;

import static io.throughline.orders.OrderFixture.APPROVE;
import static io.throughline.orders.OrderFixture.assertRefused;
import static io.throughline.orders.OrderFixture.card;
import static io.throughline.orders.OrderFixture.checkout;
import static io.throughline.orders.OrderFixture.paidBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The shops' side: picking, handing over click &amp; collect, shipping from stores, cancelling. */
@PlatformTest
class ShopFulfillingOrdersTests {

    @LocalServerPort
    int port;

    OrderFixture fixture;
    CartFixture carts;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new OrderFixture(port);
        carts = fixture.carts;
        api = fixture.api;
    }

    @Test
    void clickAndCollectIsPickedReadiedAndCollectedWithItsCodeAndPaidAtPickup() {
        String wine = carts.product("Szamorodni száraz 2018", List.of("web"), "110.00");
        carts.receive(wine, "shop-budapest", 6);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 2);
        var pickup = api.put("/api/carts/" + cart + "/fulfilment?channel=web", Api.json(Map.of("kind", "PICKUP",
                "locationId", carts.location("shop-budapest"))));
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);

        JsonNode order = fixture.placed("web", "&profileId=" + profile, checkout(cart, "PICKUP",
                paidBy("PAY_AT_PICKUP")));
        String id = order.get("id").asString();
        String shop = "/api/fulfilment/shop-budapest/orders/" + id;

        assertThat(order.get("state").asString()).isEqualTo("PLACED");
        assertThat(order.get("payments").get(0).get("state").asString()).isEqualTo("PENDING");
        assertThat(order.get("pickupLocationId").asString()).isEqualTo(carts.location("shop-budapest"));
        assertThat(skusOf(api.get("/api/fulfilment/shop-budapest/pick-list").json(), id)).containsExactly(wine);
        assertRefused(api.post(shop + "/shipped", Api.json(Map.of("trackingNumber", "GLS-1"))), 409, "delivery");
        var tooEarly = api.post(shop + "/picked-up", Api.json(Map.of("pickupCode", "ABCDEF")));
        assertRefused(tooEarly, 409, "state");
        assertThat(tooEarly.json().get("detail").asString()).contains("ALLOCATED");

        JsonNode ready = api.post(shop + "/ready-for-pickup", "").json();
        String code = ready.get("shipments").get(0).get("pickupCode").asString();
        assertThat(ready.get("state").asString()).isEqualTo("READY_FOR_PICKUP");
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(skusOf(api.get("/api/fulfilment/shop-budapest/pick-list").json(), id)).isEmpty();
        assertThat(api.get("/api/fulfilment/shop-budapest/pickups-due?size=200").json().get("items").valueStream()
                .map(item -> item.get("id").asString())).contains(id);
        assertRefused(api.post(shop + "/ready-for-pickup", ""), 409, "state");
        Admin admin = new Admin(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.timelineLabels(profile).stream()
                .anyMatch(label -> label.contains("Order Ready For Pickup")));

        assertRefused(api.post(shop + "/picked-up", Api.json(Map.of("pickupCode", "WRONG2"))), 400, "pickupCode");
        var unpaid = api.post(shop + "/picked-up", Api.json(Map.of("pickupCode", code.toLowerCase())));
        assertRefused(unpaid, 409, "paidWith");
        assertThat(unpaid.json().get("detail").asString()).as("the amount to take is named").contains("220");
        assertThat(api.get("/api/orders/" + id).json().get("payments").get(0).get("state").asString())
                .as("nothing captured before the associate says the money was taken").isEqualTo("PENDING");
        assertThat(api.get("/api/orders/" + id).json().get("state").asString()).isEqualTo("READY_FOR_PICKUP");
        assertRefused(api.post(shop + "/picked-up", Api.json(Map.of("pickupCode", code, "paidWith", "CARD"))), 400,
                "paidWith");
        JsonNode collected = api.post(shop + "/picked-up", Api.json(Map.of("pickupCode", code.toLowerCase(),
                "paidWith", "CASH"))).json();

        assertThat(collected.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(collected.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
        assertThat(collected.get("payments").get(0).get("processorReference").asString()).startsWith("cash_");
        assertThat(fixture.onHand(wine, "shop-budapest")).isEqualTo(4);
        assertThat(fixture.reserved(wine, "shop-budapest")).isZero();
        assertThat(api.get("/api/fulfilment/shop-budapest/pickups-due?size=200").json().get("items").valueStream()
                .map(item -> item.get("id").asString())).doesNotContain(id);
        var cancel = api.post("/api/orders/" + id + "/cancel?channel=web", Api.json(Map.of("reason", "changed mind")));
        assertRefused(cancel, 409, "state");
        assertThat(cancel.json().get("detail").asString()).contains("PICKED_UP");
    }

    @Test
    void shipFromStoreTakesTheNearestShopsStockAndSplitsWhenOneHasTooFew() {
        String wine = carts.product("Furmint dűlőválogatás", List.of("web"), "200.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        carts.receive(wine, "shop-budapest", 2);
        carts.receive(wine, "shop-tokaj", 3);
        carts.receive(wine, "shop-debrecen", 9);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 4);

        JsonNode order = fixture.placed("web", "&profileId=" + profile, checkout(cart, "SHIP_FROM_STORE",
                card(APPROVE)));
        String id = order.get("id").asString();

        // Budapest is nearest to the address and has 2; Tokaj (Debrecen does not ship from store) gives the rest.
        Map<String, Integer> byShop = new java.util.TreeMap<>();
        order.get("shipments").forEach(shipment -> byShop.put(shipment.get("locationCode").asString(),
                shipment.get("lines").get(0).get("quantity").asInt()));
        assertThat(byShop).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("shop-budapest", 2,
                "shop-tokaj", 2)));
        assertThat(fixture.reserved(wine, "warehouse-tokaj")).isZero();
        assertThat(fixture.reserved(wine, "shop-budapest")).isEqualTo(2);

        JsonNode partly = api.post("/api/fulfilment/shop-budapest/orders/" + id + "/shipped",
                Api.json(Map.of("trackingNumber", "GLS-BUD-1"))).json();
        assertThat(partly.get("state").asString()).isEqualTo("PARTIALLY_FULFILLED");
        assertThat(fixture.onHand(wine, "shop-budapest")).isZero();
        var cancel = api.post("/api/orders/" + id + "/cancel?channel=web", Api.json(Map.of("reason", "late")));
        assertRefused(cancel, 409, "state");

        JsonNode shipped = api.post("/api/fulfilment/shop-tokaj/orders/" + id + "/shipped",
                Api.json(Map.of("trackingNumber", "GLS-TOK-1"))).json();
        assertThat(shipped.get("state").asString()).isEqualTo("SHIPPED");
        api.post("/api/fulfilment/shop-budapest/orders/" + id + "/delivered", "");
        JsonNode delivered = api.post("/api/fulfilment/shop-tokaj/orders/" + id + "/delivered", "").json();
        assertThat(delivered.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(fixture.onHand(wine, "shop-tokaj")).isEqualTo(1);
        assertRefused(api.post("/api/fulfilment/shop-tokaj/orders/" + id + "/shipped",
                Api.json(Map.of("trackingNumber", "again"))), 409, "state");
    }

    @Test
    void cancellingReleasesTheStockAndRefundsTheCard() {
        String wine = carts.product("Késői szüretelésű Hárslevelű", List.of("web"), "60.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 3);
        JsonNode order = fixture.placed("web", "&profileId=" + profile, checkout(cart, "HOME_DELIVERY", card(APPROVE)));
        String id = order.get("id").asString();
        String reservation = order.get("shipments").get(0).get("lines").get(0).get("reservationId").asString();

        var cancelled = api.post("/api/orders/" + id + "/cancel?channel=contact-centre",
                Api.json(Map.of("reason", "ordered twice")));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("payments").get(0).get("state").asString()).isEqualTo("REFUNDED");
        assertThat(carts.reservation(reservation).get("state").asString()).isEqualTo("RELEASED");
        assertThat(fixture.reserved(wine, "warehouse-tokaj")).isZero();
        assertThat(fixture.onHand(wine, "warehouse-tokaj")).isEqualTo(10);
        var again = api.post("/api/orders/" + id + "/cancel?channel=web", Api.json(Map.of("reason", "again")));
        assertRefused(again, 409, "state");
        assertThat(again.json().get("detail").asString()).contains("CANCELLED");
        assertRefused(api.post("/api/fulfilment/warehouse-tokaj/orders/" + id + "/shipped",
                Api.json(Map.of("trackingNumber", "GLS-2"))), 409, "state");
    }

    private static List<String> skusOf(JsonNode pickList, String orderId) {
        List<String> skus = new ArrayList<>();
        pickList.forEach(entry -> {
            if (entry.get("orderId").asString().equals(orderId)) {
                skus.add(entry.get("sku").asString());
            }
        });
        return skus;
    }
}
