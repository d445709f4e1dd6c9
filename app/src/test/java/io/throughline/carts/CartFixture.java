package io.throughline.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Products, stock and prices of the cart tests' own, set up through the API: SKUs no other test uses, sold on
 * the channels a test names, stocked at the demo brand's locations and priced in CZK, so the demo brand's HUF
 * promotions never touch these carts.
 */
public final class CartFixture {

    public static final String CURRENCY = "CZK";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());

    public final Api api;

    public CartFixture(int port) {
        this.api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    public static String unique() {
        return Long.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
    }

    /** A product with one variant, sold on the channels, priced in CZK everywhere; returns its SKU. */
    public String product(String name, List<String> channels, String price) {
        String sku = "CT-" + unique();
        List<Map<String, Object>> assortment = new ArrayList<>();
        channels.forEach(channel -> assortment.add(Map.of("channel", channel, "from", "2020-01-01T00:00:00Z")));
        var created = api.post("/api/catalog/products", Api.json(Map.of("name", name, "assortment", assortment,
                "variants", List.of(Map.of("sku", sku)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var list = api.post("/api/pricing/price-lists", Api.json(Map.of("name", "cart test " + sku,
                "currency", CURRENCY, "channels", List.of(), "priority", 0)));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        setPrice(list.json().get("id").asString(), sku, price);
        return sku;
    }

    public String priceListOf(String sku) {
        for (JsonNode list : api.get("/api/pricing/price-lists?size=200").json().get("items")) {
            if (list.get("name").asString().equals("cart test " + sku)) {
                return list.get("id").asString();
            }
        }
        throw new AssertionError("no price list for " + sku);
    }

    public void setPrice(String listId, String sku, String price) {
        var set = api.put("/api/pricing/price-lists/" + listId + "/prices",
                Api.json(Map.of("prices", List.of(Map.of("sku", sku, "price", price)))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** The id of the demo brand's location with the code, e.g. shop-budapest or warehouse-tokaj. */
    public String location(String code) {
        for (JsonNode location : api.get("/api/inventory/locations?size=200").json().get("items")) {
            if (location.get("code").asString().equals(code)) {
                return location.get("id").asString();
            }
        }
        throw new AssertionError("no location " + code);
    }

    public void receive(String sku, String locationCode, int quantity) {
        var movement = api.post("/api/inventory/movements", Api.json(Map.of("sku", sku,
                "locationId", location(locationCode), "kind", "RECEIPT", "quantity", quantity, "reference", "delivery")));
        assertThat(movement.status()).as(movement.body()).isEqualTo(201);
    }

    public String customer() {
        var created = api.post("/api/customers", Api.json(Map.of("givenName", "Réka", "familyName", "Tóth",
                "email", "reka-" + unique().toLowerCase() + "@example.com")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public String anonymousCart(String channel) {
        return open(channel, Map.of("anonymousId", "anon-" + unique(), "currency", CURRENCY));
    }

    public String customerCart(String channel, String profileId) {
        return open(channel, Map.of("profileId", profileId, "currency", CURRENCY));
    }

    private String open(String channel, Map<String, Object> body) {
        var opened = api.post("/api/carts?channel=" + channel, Api.json(body));
        assertThat(opened.status()).as(opened.body()).isIn(200, 201);
        return opened.json().get("id").asString();
    }

    public Api.Response add(String cartId, String channel, String sku, int quantity) {
        return api.post("/api/carts/" + cartId + "/lines?channel=" + channel,
                Api.json(Map.of("sku", sku, "quantity", quantity)));
    }

    public JsonNode added(String cartId, String channel, String sku, int quantity) {
        var added = add(cartId, channel, sku, quantity);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return added.json();
    }

    public JsonNode view(String cartId, String channel) {
        var cart = api.get("/api/carts/" + cartId + "?channel=" + channel);
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return cart.json();
    }

    public JsonNode reservation(String id) {
        var reservation = api.get("/api/inventory/reservations/" + id);
        assertThat(reservation.status()).as(reservation.body()).isEqualTo(200);
        return reservation.json();
    }

    public List<JsonNode> reservationsOf(String cartId) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/inventory/reservations?reference=cart:" + cartId).json().forEach(found::add);
        return found;
    }

    public static JsonNode line(JsonNode cart, String sku) {
        for (JsonNode line : cart.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line;
            }
        }
        throw new AssertionError("no line " + sku + " in " + cart);
    }

    public static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
