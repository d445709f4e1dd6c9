package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Customers, messages and journeys for journey scenarios, made through the APIs as a channel or marketer would. */
final class JourneyFixtures {

    static final String MESSAGE = """
            {"name": "%s", "purpose": "marketing", "variants": [
              {"channel": "email", "subject": "Your cart", "html": "<p>Szia {{givenName}}</p>", "text": "Szia"},
              {"channel": "sms", "text": "Szia {{givenName}}, your cart is waiting"},
              {"channel": "push", "title": "Your cart", "body": "Still there", "link": "https://shop.example/cart"}]}""";

    private final int port;
    private final Api api;

    JourneyFixtures(int port) {
        this.port = port;
        this.api = new Admin(port).api();
    }

    Api api() {
        return api;
    }

    /** A unique journey key for one test, e.g. {@code abandoned-cart-1a2b3c}. */
    static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A marketing message with email, SMS and push variants; answers its name. */
    String message(String prefix) {
        String name = prefix + " " + UUID.randomUUID();
        var created = api.post("/api/messaging/messages", MESSAGE.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /**
     * A customer as the web shop makes her, with email and phone and marketing consent on the channels given;
     * answers her profile id once her profile and consents are in.
     */
    String customer(String userId, String... consentedChannels) {
        Map<String, Object> consent = new java.util.LinkedHashMap<>();
        for (String channel : consentedChannels) {
            consent.put(channel, true);
        }
        Map<String, Object> traits = Map.of("firstName", "Kata", "email", userId + "@example.com",
                "phone", "+3630" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)),
                "timezone", "Europe/Budapest", "consent", Map.of("marketing", consent));
        var identified = web().send("identify", Api.json(Map.of("userId", userId, "traits", traits)));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var found = api.get("/api/customers?identity=user_id:" + userId).json();
            if (found.get("totalItems").asInt() != 1) {
                return false;
            }
            JsonNode overview = api.get("/api/customers/" + found.get("items").get(0).get("id").asString()).json();
            return overview.get("consents").size() == consentedChannels.length
                    && !overview.get("profile").get("email").isNull() && !overview.get("profile").get("phone").isNull();
        });
        return api.get("/api/customers?identity=user_id:" + userId).json().get("items").get(0).get("id").asString();
    }

    static String userId(String name) {
        return name + "-" + UUID.randomUUID();
    }

    void track(String userId, String event, Map<String, Object> properties) {
        var tracked = web().send("track", Api.json(Map.of("userId", userId, "event", event, "properties", properties)));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    }

    /** Saves and activates the journey; answers its key. */
    String activeJourney(String definition) {
        var created = api.post("/api/journeys", definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asString();
        var activated = api.post("/api/journeys/" + key + "/activate", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        return key;
    }

    Api.Response enter(String key, String profile) {
        return api.post("/api/journeys/" + key + "/entries", "{\"profileId\":\"" + profile + "\"}");
    }

    JsonNode stats(String key, int version) {
        var stats = api.get("/api/journeys/" + key + "/versions/" + version + "/stats");
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        return stats.json();
    }

    /** The step's counts: in, out, waiting. */
    long[] step(String key, int version, String step) {
        for (JsonNode count : stats(key, version).get("steps")) {
            if (count.get("step").asString().equals(step)) {
                return new long[] {count.get("in").asLong(), count.get("out").asLong(), count.get("waiting").asLong()};
            }
        }
        throw new AssertionError("No step " + step);
    }

    /** The customer's deliveries, newest first. */
    JsonNode deliveries(String profile) {
        var found = api.get("/api/messaging/deliveries?profileId=" + profile);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items");
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
