package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import java.util.Map;
import java.util.UUID;

/** Customers and messages for messaging scenarios, made through the management API. */
final class MessagingFixtures {

    private final Api api;

    MessagingFixtures(Api api) {
        this.api = api;
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
        var found = api.get("/api/messaging/deliveries?profileId=" + profile);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("totalItems").asLong();
    }

    void settings(Map<String, String> changes) {
        var changed = api.patch("/api/messaging/settings", Api.json(changes));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
