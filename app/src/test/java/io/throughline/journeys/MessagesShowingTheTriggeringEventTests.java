package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A journey an event starts gives its messages the event's properties: {@code {{order_number}}} for a property,
 * {@code {{order.number}}} for a nested one, {@code {{event}}} for the event's name. The demo brand's
 * ready-for-pickup notice shows the order's number and pickup code. The mails land in the local sink.
 */
@PlatformTest
class MessagesShowingTheTriggeringEventTests {

    @LocalServerPort
    int port;

    JourneyFixtures fixtures;

    /** Both messages are transactional: the control group does not touch them. */
    @BeforeEach
    void fixtures() {
        fixtures = new JourneyFixtures(port);
    }

    @Test
    void theDemoReadyForPickupNoticeShowsTheOrderNumberAndPickupCode() {
        String userId = JourneyFixtures.userId("bea");
        String email = userId + "@example.com";
        // Email only, so that the best channel for the notice is her inbox.
        var identified = web().send("identify", Api.json(Map.of("userId", userId,
                "traits", Map.of("firstName", "Bea", "email", email))));
        assertThat(identified.status()).isEqualTo(200);

        fixtures.track(userId, "Order Ready For Pickup", Map.of("order_id", UUID.randomUUID().toString(),
                "order_number", "O-4711", "location", "shop-budapest", "pickup_code", "K7Q2"));

        JsonNode mail = awaitMail(email);
        assertThat(mail.get("subject").asString()).isEqualTo("Átveheted a rendelésed (O-4711)");
        assertThat(mail.get("text").asString()).contains("Kedves Bea!", "O-4711 számú rendelésed",
                "Az átvételi kódod: K7Q2.");
    }

    @Test
    void aNestedPropertyIsAddressedWithDotsAndTheEventByName() {
        String event = "Bottle Engraved " + UUID.randomUUID();
        var created = fixtures.api().post("/api/messaging/messages", """
                {"name": "Engraving %s", "purpose": "transactional",
                 "variants": [{"channel": "email", "subject": "{{event}}: {{order.number}}",
                   "html": "<p>{{order.number}} for {{givenName}}: {{engraving}}</p>",
                   "text": "{{order.number}} for {{givenName}}: {{engraving}}"}]}""".formatted(event));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        fixtures.activeJourney("""
                {"key": "%s", "name": "Engraving", "trigger": {"event": "%s"}, "reentry": "always",
                 "start": "tell",
                 "steps": {
                   "tell": {"type": "send", "message": "Engraving %s", "channel": "email", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("engraving"), event, event));
        String userId = JourneyFixtures.userId("dori");
        fixtures.customer(userId, "email");

        fixtures.track(userId, event, Map.of("order", Map.of("number", "O-815"), "engraving", "Dóri 30"));

        JsonNode mail = awaitMail(userId + "@example.com");
        assertThat(mail.get("subject").asString()).isEqualTo(event + ": O-815");
        assertThat(mail.get("text").asString()).isEqualTo("O-815 for Kata: Dóri 30");
    }

    private JsonNode awaitMail(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(recipient), Optional::isPresent).get();
    }

    private Optional<JsonNode> mailTo(String recipient) {
        return fixtures.api().get("/api/messaging/sink?channel=email&size=200").json().get("items").valueStream()
                .filter(mail -> mail.get("recipient").asString().equals(recipient)).findFirst();
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
