package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Orders for the console scenarios, placed through the orders API as the channels place them, over the order
 * tests' own products (CZK, SKUs no other test uses) stocked in every demo location.
 */
final class ShopOrders {

    final OrderFixture fixture;
    final CartFixture carts;
    final Api api;

    ShopOrders(int port) {
        this.fixture = new OrderFixture(port);
        this.carts = fixture.carts;
        this.api = fixture.api;
    }

    /** A wine sold on the web, the app and every till, with a few bottles in every demo location. */
    String wine(String name) {
        String sku = carts.product(name, List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj"),
                "450.00");
        for (String location : List.of("warehouse-tokaj", "shop-budapest", "shop-debrecen", "shop-tokaj")) {
            carts.receive(sku, location, 6);
        }
        return sku;
    }

    /** A click &amp; collect order at the shop, placed in the app, paid when she collects it. */
    JsonNode clickAndCollect(String profileId, String sku, int quantity, String shop) {
        String cart = fixture.cartWith("app", profileId, sku, quantity);
        var chosen = api.put("/api/carts/" + cart + "/fulfilment?channel=app",
                Api.json(Map.of("kind", "PICKUP", "locationId", carts.location(shop))));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        return placed("app", profileId, OrderFixture.checkout(cart, "PICKUP", OrderFixture.paidBy("PAY_AT_PICKUP")));
    }

    /** A sale across the till's counter, paid in cash. */
    JsonNode tillSale(String profileId, String sku, int quantity, String shop) {
        String cart = fixture.cartWith(shop, profileId, sku, quantity);
        return placed(shop, profileId, OrderFixture.checkout(cart, "COUNTER", OrderFixture.paidBy("CASH")));
    }

    /** A web order delivered home, paid by card. */
    JsonNode delivered(String profileId, String sku, int quantity) {
        String cart = fixture.cartWith("web", profileId, sku, quantity);
        return placed("web", profileId, OrderFixture.checkout(cart, "HOME_DELIVERY",
                OrderFixture.card(OrderFixture.APPROVE)));
    }

    JsonNode order(String id) {
        var order = api.get("/api/orders/" + id);
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        return order.json();
    }

    private JsonNode placed(String channel, String profileId, Map<String, Object> body) {
        return fixture.placed(channel, "&profileId=" + profileId, body);
    }
}
