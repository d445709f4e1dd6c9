package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer with data in every module, each piece carrying her own token: profile, identifiers and traits from the
 * web shop, consent, events with properties, an open cart and an anonymous one, an order delivered to her address
 * and partly returned with her reason, an email rendered with her name, and a journey instance with her data.
 */
final class CustomerEverywhereFixture {

    /** What the customer left behind, and the strings that are hers alone. */
    record Customer(String profileId, String token, String email, String phone, String orderId, String journey) {}

    private static final String MESSAGE = """
            {"name": "Canary %s", "purpose": "transactional", "variants": [
              {"channel": "email", "subject": "Hello {{givenName}}", "html": "<p>Dear {{givenName}} {{familyName}}</p>",
               "text": "Dear {{givenName}}"}]}""";

    private static final String JOURNEY = """
            {"key": "%s", "name": "Canary wait", "trigger": {"api": true}, "reentry": "always", "start": "wait",
             "steps": {"wait": {"type": "wait", "duration": "48h", "next": "done"}, "done": {"type": "exit"}}}""";

    private final Admin admin;
    private final Api api;
    private final Collector web;
    private final CartFixture carts;
    private final String wine;

    CustomerEverywhereFixture(int port) {
        this.admin = new Admin(port);
        this.api = admin.api();
        this.web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        this.carts = new CartFixture(port);
        this.wine = carts.product("Canary wine", List.of("web"), "120.00");
        carts.receive(wine, "warehouse-tokaj", 20);
    }

    Customer customer() {
        String token = "cnry" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String email = token + "@example.com";
        String phone = "+3670" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        String userId = "user-" + token;
        String anonymousId = "anon-" + token;
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("firstName", "Given" + token);
        traits.put("lastName", "Family" + token);
        traits.put("email", email);
        traits.put("phone", phone);
        traits.put("address", Map.of("street", "Street " + token, "city", "Szeged"));
        traits.put("favouriteGrape", "grape-" + token);
        traits.put("consent", Map.of("marketing", Map.of("email", true, "sms", false)));
        ok(web.send("identify", Api.json(Map.of("userId", userId, "anonymousId", anonymousId, "traits", traits))));
        ok(web.send("track", Api.json(Map.of("userId", userId, "event", "Wishlist Note Added",
                "properties", Map.of("note", "note-" + token)))));
        String profile = admin.profileOf("user_id:" + userId);
        // A second device browsed anonymously first; signing in on it merges its profile into hers.
        String secondDevice = "device-" + token;
        ok(web.send("track", Api.json(Map.of("anonymousId", secondDevice, "event", "Product Viewed",
                "properties", Map.of("query", "search-" + token)))));
        String absorbed = admin.profileOf("anonymous_id:" + secondDevice);
        ok(web.send("identify", Api.json(Map.of("userId", userId, "anonymousId", secondDevice))));
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.profileOf("anonymous_id:" + secondDevice)
                .equals(profile));
        assertThat(absorbed).isNotEqualTo(profile);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            var overview = api.get("/api/customers/" + profile).json();
            return overview.get("consents").size() == 2 && overview.get("profile").has("email");
        });

        carts.added(carts.customerCart("web", profile), "web", wine, 1);
        var anonymous = api.post("/api/carts?channel=web", Api.json(Map.of("anonymousId", anonymousId,
                "currency", CartFixture.CURRENCY)));
        assertThat(anonymous.status()).as(anonymous.body()).isIn(200, 201);

        String orderId = deliveredOrder(profile, token);
        var returned = api.post("/api/orders/" + orderId + "/returns?channel=web", Api.json(Map.of(
                "locationId", carts.location("warehouse-tokaj"), "refundTo", "ORIGINAL_PAYMENT",
                "reason", "reason-" + token, "lines", List.of(Map.of("sku", wine, "quantity", 1)))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);

        var message = api.post("/api/messaging/messages", MESSAGE.formatted(UUID.randomUUID()));
        assertThat(message.status()).as(message.body()).isEqualTo(201);
        var sent = api.post("/api/messaging/messages/" + message.json().get("id").asString() + "/send",
                "{\"profileId\":\"" + profile + "\",\"channel\":\"email\"}");
        assertThat(sent.status()).as(sent.body()).isIn(200, 201, 202);

        String journey = "canary-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.post("/api/journeys", JOURNEY.formatted(journey)), 201);
        ok(api.post("/api/journeys/" + journey + "/activate", ""));
        ok(api.post("/api/journeys/" + journey + "/entries", Api.json(Map.of("profileId", profile,
                "data", Map.of("note", "journey-" + token)))), 201);
        return new Customer(profile, token, email, phone, orderId, journey);
    }

    private String deliveredOrder(String profile, String token) {
        String cart = carts.customerCart("web", profile);
        carts.added(cart, "web", wine, 2);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Addressee " + token);
        address.put("street", "Canary utca " + token);
        address.put("city", "Budapest");
        address.put("postalCode", "1061");
        address.put("country", "HU");
        Map<String, Object> body = Map.of("cartId", cart, "delivery", "HOME_DELIVERY",
                "payment", Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242"), "address", address);
        var placed = api.send(api.request("/api/orders?channel=web&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        ok(api.post("/api/fulfilment/warehouse-tokaj/orders/" + id + "/shipped",
                Api.json(Map.of("trackingNumber", "TRK-" + token))));
        ok(api.post("/api/fulfilment/warehouse-tokaj/orders/" + id + "/delivered", ""));
        return id;
    }

    private static void ok(Api.Response response) {
        ok(response, 200);
    }

    private static void ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
