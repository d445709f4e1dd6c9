package io.throughline.orders;

import static io.throughline.orders.OrderFixture.APPROVE;
import static io.throughline.orders.OrderFixture.assertRefused;
import static io.throughline.orders.OrderFixture.card;
import static io.throughline.orders.OrderFixture.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A web order returned at a shop's counter, a till sale returned by post, and the history that shows both. */
@PlatformTest
class CustomerReturningInAnyChannelTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void aWebOrderReturnedInAShopIsRefundedToTheCardAndTheStockIsBackInThatShop() {
        String wine = carts.product("Tokaji Aszú 5 puttonyos 2017", List.of("web"), "333.33");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 3);
        JsonNode order = fixture.placed("web", "&profileId=" + profile, checkout(cart, "HOME_DELIVERY", card(APPROVE)));
        String id = order.get("id").asString();
        String debrecen = carts.location("shop-debrecen");

        assertRefused(api.post("/api/orders/" + id + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", debrecen, "refundTo", "ORIGINAL_PAYMENT",
                "lines", List.of(Map.of("sku", wine, "quantity", 1))))), 409, "state");
        api.post("/api/fulfilment/warehouse-tokaj/orders/" + id + "/shipped", Api.json(Map.of("trackingNumber", "MPL-1")));
        api.post("/api/fulfilment/warehouse-tokaj/orders/" + id + "/delivered", "");
        int debrecenBefore = fixture.onHand(wine, "shop-debrecen");

        var returned = api.post("/api/orders/" + id + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", debrecen, "refundTo", "ORIGINAL_PAYMENT", "reason", "corked",
                "lines", List.of(Map.of("sku", wine, "quantity", 1)))));

        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        // 999.99 over three bottles: the first two refund 333.33 each, the last one the remaining 333.33.
        assertThat(returned.json().get("refund").get("minor").asLong()).isEqualTo(33_333);
        assertThat(fixture.onHand(wine, "shop-debrecen")).isEqualTo(debrecenBefore + 1);
        JsonNode after = api.get("/api/orders/" + id).json();
        assertThat(after.get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(after.get("lines").get(0).get("returnedQuantity").asInt()).isEqualTo(1);
        assertThat(after.get("payments").get(0).get("state").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(after.get("payments").get(0).get("refunded").get("minor").asLong()).isEqualTo(33_333);
        assertThat(jdbc.sql("SELECT refunded_minor FROM orders.test_card_charge WHERE reference = ?")
                .param(after.get("payments").get(0).get("id").asString()).query(Long.class).single()).isEqualTo(33_333);
        assertThat(api.get("/api/fulfilment/shop-debrecen/returns?size=200").json().get("items").valueStream()
                .map(item -> item.get("orderId").asString())).contains(id);

        assertRefused(api.post("/api/orders/" + id + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", debrecen, "refundTo", "ORIGINAL_PAYMENT",
                "lines", List.of(Map.of("sku", wine, "quantity", 3))))), 400, "lines[0].quantity");
        assertRefused(api.post("/api/orders/" + id + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", debrecen, "refundTo", "ORIGINAL_PAYMENT",
                "lines", List.of(Map.of("sku", "NOT-SOLD-HERE", "quantity", 1))))), 400, "lines[0].sku");
        var rest = api.post("/api/orders/" + id + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", debrecen, "refundTo", "ORIGINAL_PAYMENT",
                "lines", List.of(Map.of("sku", wine, "quantity", 2)))));
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().get("refund").get("minor").asLong()).isEqualTo(66_666);
        JsonNode all = api.get("/api/orders/" + id).json();
        assertThat(all.get("state").asString()).isEqualTo("RETURNED");
        assertThat(all.get("payments").get(0).get("state").asString()).isEqualTo("REFUNDED");

        Admin admin = new Admin(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.timelineLabels(profile).stream()
                .filter(label -> label.contains("Order Refunded") || label.contains("Product Returned")).count() == 4);
    }

    @Test
    void aTillSaleReturnedByPostGoesToStoreCreditAndTheHistoryShowsEveryChannelNewestFirst() {
        String wine = carts.product("Pezsgő brut", List.of("shop-budapest", "web"), "45.00");
        carts.receive(wine, "shop-budapest", 5);
        carts.receive(wine, "warehouse-tokaj", 5);
        String profile = carts.customer();
        String tillCart = fixture.cartWith("shop-budapest", profile, wine, 2);
        JsonNode tillSale = fixture.placed("shop-budapest", "&profileId=" + profile, checkout(tillCart, "COUNTER",
                Map.of("method", "CARD_PRESENT")));
        String webCart = fixture.cartWith("web", profile, wine, 1);
        JsonNode webOrder = fixture.placed("web", "&profileId=" + profile, checkout(webCart, "HOME_DELIVERY",
                card(APPROVE)));
        int warehouseBefore = fixture.onHand(wine, "warehouse-tokaj");

        var returned = api.post("/api/orders/" + tillSale.get("id").asString() + "/returns?channel=contact-centre",
                Api.json(Map.of("locationId", carts.location("warehouse-tokaj"), "refundTo", "STORE_CREDIT",
                        "lines", List.of(Map.of("sku", wine, "quantity", 1)))));

        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(fixture.onHand(wine, "warehouse-tokaj")).isEqualTo(warehouseBefore + 1);
        assertThat(api.get("/api/customers/" + profile + "/store-credit?currency=CZK").json().get("minor").asLong())
                .isEqualTo(4_500);
        assertThat(api.get("/api/orders/" + tillSale.get("id").asString()).json().get("payments").get(0)
                .get("state").asString()).isEqualTo("CAPTURED");

        JsonNode history = api.get("/api/customers/" + profile + "/orders?size=10").json();
        assertThat(history.get("totalItems").asInt()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("id").asString()).isEqualTo(webOrder.get("id").asString());
        assertThat(history.get("items").get(0).get("channel").asString()).isEqualTo("web");
        assertThat(history.get("items").get(1).get("channel").asString()).isEqualTo("shop-budapest");
        assertThat(history.get("items").get(1).get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(api.get("/api/customers/" + profile + "/orders?size=1&page=1").json().get("items").get(0)
                .get("id").asString()).isEqualTo(tillSale.get("id").asString());
    }
}
