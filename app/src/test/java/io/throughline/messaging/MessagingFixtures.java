package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.platform.PageRequest;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Customers and messages for messaging scenarios, made through the management API. */
final class MessagingFixtures {

    private final Api api;

    MessagingFixtures(Api api) {
        this.api = api;
    }

    Api api() {
        return api;
    }

    /** A new customer with the given details, e.g. {@code givenName}, {@code email}, {@code phone}. */
    String customer(Map<String, String> details) {
        var created = api.post("/api/customers", Api.json(details));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    /** A Hungarian mobile number no other test's customer has, in E.164 form; phones are unique per customer. */
    String uniquePhone() {
        return "+3630" + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000));
    }

    void consent(String profile, String channel, boolean granted) {
        var recorded = api.put("/api/customers/" + profile + "/consent",
                Api.json(Map.of("purpose", "marketing", "channel", channel, "granted", granted)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    /** A new message from its JSON definition; answers its id. */
    String message(String json) {
        var created = api.post("/api/messaging/messages", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    Api.Response send(String message, String profile, String channel, String extra) {
        return api.post("/api/messaging/messages/" + message + "/send",
                "{\"profileId\":\"" + profile + "\",\"channel\":\"" + channel + "\"" + extra + "}");
    }

    /** How many deliveries the customer has, refused ones included. */
    long deliveries(String profile) {
        return countAll("/api/messaging/deliveries?profileId=" + profile);
    }

    /** How many channel decisions were recorded for the customer. */
    long decisionCount(String profile) {
        return countAll("/api/customers/" + profile + "/message-decisions");
    }

    /** The items of a keyset-paged list, following its cursors to the end. */
    private long countAll(String list) {
        long items = 0;
        String next = null;
        do {
            var found = api.get(list + (list.contains("?") ? "&" : "?") + "size=" + PageRequest.MAX_SIZE
                    + (next == null ? "" : "&after=" + next));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            items += found.json().get("items").size();
            // The last page has no cursor to a next one.
            JsonNode cursor = found.json().path("next");
            next = cursor.isString() ? cursor.asString() : null;
        } while (next != null);
        return items;
    }

    /**
     * A customer as a channel makes her: an identify call from the web shop with her traits, e.g.
     * {@code {"email": …, "timezone": "Asia/Tokyo", "consent": {"marketing": {"sms": true}}}}; answers her profile
     * id once her profile and consents are in.
     */
    String identified(int port, String userId, Map<String, Object> traits) {
        var identified = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify",
                Api.json(Map.of("userId", userId, "traits", traits)));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        Object consent = traits.get("consent");
        int consents = consent instanceof Map<?, ?> purposes ? purposes.values().stream()
                .mapToInt(channels -> ((Map<?, ?>) channels).size()).sum() : 0;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var found = api.get("/api/customers?identity=user_id:" + userId).json();
            if (found.get("totalItems").asInt() != 1) {
                return false;
            }
            JsonNode overview = api.get("/api/customers/" + found.get("items").get(0).get("id").asString()).json();
            return overview.get("consents").size() == consents && java.util.stream.Stream.of("email", "phone")
                    .noneMatch(contact -> traits.containsKey(contact) && overview.get("profile").get(contact).isNull());
        });
        return api.get("/api/customers?identity=user_id:" + userId).json().get("items").get(0).get("id").asString();
    }

    /** A track call from the web shop on the customer's behalf, e.g. a click on a link in a text message. */
    void track(int port, String userId, String event, Map<String, Object> properties) {
        var tracked = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("track",
                Api.json(Map.of("userId", userId, "event", event, "properties", properties)));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    }

    /** The customer's recorded channel decisions, newest first. */
    JsonNode decisions(String profile) {
        var found = api.get("/api/customers/" + profile + "/message-decisions");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    void settings(Map<String, String> changes) {
        var changed = api.patch("/api/messaging/settings", Api.json(changes));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
