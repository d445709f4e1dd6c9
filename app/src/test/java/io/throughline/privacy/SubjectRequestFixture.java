package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Customers and data-subject requests made through the management API, as a privacy officer would. */
final class SubjectRequestFixture {

    private final Api api;

    SubjectRequestFixture(Api api) {
        this.api = api;
    }

    /** A new customer with a unique email address and the given first name; answers her profile id. */
    String customer(String givenName) {
        var created = api.post("/api/customers", Api.json(Map.of("givenName", givenName,
                "email", givenName.toLowerCase() + "-" + UUID.randomUUID() + "@example.com")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A request received by email, answered as the API shows it. */
    JsonNode received(String kind, String profile) {
        var received = api.post("/api/privacy/requests", Api.json(Map.of("kind", kind, "profileId", profile,
                "receivedVia", "EMAIL")));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return received.json();
    }

    JsonNode verified(String kind, String profile) {
        String id = received(kind, profile).get("request").get("id").asString();
        var verified = api.post("/api/privacy/requests/" + id + "/verify",
                "{\"method\":\"ID_DOCUMENT\",\"note\":\"passport seen at the Budapest shop\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json();
    }

    void marketingConsent(String profile, String channel, boolean granted) {
        var recorded = api.put("/api/customers/" + profile + "/consent",
                Api.json(Map.of("purpose", "marketing", "channel", channel, "granted", granted)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    /** A marketing message with an email variant; answers its id. */
    String marketingEmail() {
        var created = api.post("/api/messaging/messages", """
                {"name": "Autumn wines %s", "purpose": "marketing", "variants": [{"channel": "email",
                  "subject": "Autumn wines", "html": "<p>New wines</p>", "text": "New wines"}]}"""
                .formatted(System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    JsonNode send(String message, String profile) {
        var sent = api.post("/api/messaging/messages/" + message + "/send",
                "{\"profileId\":\"" + profile + "\",\"channel\":\"email\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        return sent.json();
    }
}
