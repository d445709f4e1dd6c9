package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Checkouts as a channel makes them, over the carts tests' own products (CZK, SKUs no other test uses) and
 * the demo brand's locations.
 */
final class OrderFixture {

    static final String APPROVE = "4242 4242 4242 4242";
    static final String DECLINE = "4000000000000002";
    static final String ERROR = "4000000000000119";
    static final String SLOW = "4000000000000259";

    final CartFixture carts;
    final Api api;

    OrderFixture(int port) {
        this.carts = new CartFixture(port);
        this.api = carts.api;
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    static Map<String, Object> card(String number) {
        return Map.of("method", "CARD", "cardNumber", number);
    }

    static Map<String, Object> paidBy(String method) {
        return Map.of("method", method);
    }

    static Map<String, Object> address() {
        Map<String, Object> address = new HashMap<>();
        address.put("name", "Réka Tóth");
        address.put("street", "Andrássy út 1.");
        address.put("city", "Budapest");
        address.put("postalCode", "1061");
        address.put("country", "HU");
        address.put("latitude", 47.5);
        address.put("longitude", 19.06);
        return address;
    }

    static Map<String, Object> checkout(String cartId, String delivery, Map<String, Object> payment) {
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cartId);
        body.put("delivery", delivery);
        body.put("payment", payment);
        if (delivery.equals("HOME_DELIVERY") || delivery.equals("SHIP_FROM_STORE")) {
            body.put("address", address());
        }
        return body;
    }

    Api.Response checkout(String channel, String query, String key, Map<String, Object> body) {
        return api.send(api.request("/api/orders?channel=" + channel + query)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(body))));
    }

    JsonNode placed(String channel, String query, Map<String, Object> body) {
        var placed = checkout(channel, query, key(), body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json();
    }

    /** A customer's cart on the channel holding the units of the SKU. */
    String cartWith(String channel, String profileId, String sku, int quantity) {
        String cart = carts.customerCart(channel, profileId);
        carts.added(cart, channel, sku, quantity);
        return cart;
    }

    int onHand(String sku, String locationCode) {
        var level = api.get("/api/inventory/locations/" + carts.location(locationCode) + "/stock/" + sku);
        assertThat(level.status()).as(level.body()).isEqualTo(200);
        return level.json().get("onHand").asInt();
    }

    int reserved(String sku, String locationCode) {
        return api.get("/api/inventory/locations/" + carts.location(locationCode) + "/stock/" + sku).json()
                .get("reserved").asInt();
    }

    static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }
}
