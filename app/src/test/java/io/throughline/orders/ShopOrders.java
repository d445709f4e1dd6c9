package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Orders for the console scenarios, placed through the orders API as the channels place them, over products of
 * their own (CZK, SKUs no other test uses) stocked at the demo brand's shops.
 */
final class ShopOrders {

    final CartFixture carts;
    final Api api;

    ShopOrders(int port) {
        this.carts = new CartFixture(port);
        this.api = carts.api;
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
        String cart = carts.customerCart("app", profileId);
        carts.added(cart, "app", sku, quantity);
        var chosen = api.put("/api/carts/" + cart + "/fulfilment?channel=app",
                Api.json(Map.of("kind", "PICKUP", "locationId", carts.location(shop))));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        return placed("app", profileId, Map.of("cartId", cart, "delivery", "PICKUP",
                "payment", Map.of("method", "PAY_AT_PICKUP")));
    }

    /** A sale across the till's counter, paid in cash. */
    JsonNode tillSale(String profileId, String sku, int quantity, String shop) {
        String cart = carts.customerCart(shop, profileId);
        carts.added(cart, shop, sku, quantity);
        return placed(shop, profileId, Map.of("cartId", cart, "delivery", "COUNTER",
                "payment", Map.of("method", "CASH")));
    }

    /** A web order delivered home, paid by card. */
    JsonNode delivered(String profileId, String sku, int quantity) {
        String cart = carts.customerCart("web", profileId);
        carts.added(cart, "web", sku, quantity);
        Map<String, Object> address = new HashMap<>(Map.of("name", "Réka Tóth", "street", "Andrássy út 1.",
                "city", "Budapest", "postalCode", "1061", "country", "HU"));
        return placed("web", profileId, Map.of("cartId", cart, "delivery", "HOME_DELIVERY", "address", address,
                "payment", Map.of("method", "CARD", "cardNumber", "4242424242424242")));
    }

    JsonNode order(String id) {
        var order = api.get("/api/orders/" + id);
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        return order.json();
    }

    private JsonNode placed(String channel, String profileId, Map<String, Object> body) {
        var placed = api.send(api.request("/api/orders?channel=" + channel + "&profileId=" + profileId)
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json();
    }
}
