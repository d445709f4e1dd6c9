package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A tablet's anonymous visitor got an in-app card and opened it; then she signed in as Zsófi. The tablet's
 * delivery, its channel decision and its engagement are hers now: the next channel choice ranks in-app by the
 * tablet's open.
 */
@PlatformTest
class MessagingHistoryFollowingAMergeTests {

    @LocalServerPort
    int port;

    @Autowired
    ChannelChoices choices;

    @Autowired
    Clock clock;

    @Test
    void theTabletsDeliveryDecisionAndEngagementBecomeHers() {
        Admin admin = new Admin(port);
        Api api = admin.api();
        String email = "zsofi-" + UUID.randomUUID() + "@example.com";
        String zsofi = api.post("/api/customers", Api.json(Map.of("givenName", "Zsófi", "email", email)))
                .json().get("id").asString();
        String anonymousId = "tablet-" + UUID.randomUUID();
        assertThat(web().send("track", Api.json(Map.of("anonymousId", anonymousId, "event", "Product Viewed")))
                .status()).isEqualTo(200);
        String tablet = admin.profileOf("anonymous_id:" + anonymousId);
        String message = api.post("/api/messaging/messages", """
                {"name": "Order news %s", "purpose": "transactional", "variants": [
                  {"channel": "email", "subject": "News", "html": "<p>News</p>", "text": "News"},
                  {"channel": "in_app", "title": "News", "body": "News"}]}""".formatted(UUID.randomUUID()))
                .json().get("id").asString();
        String origin = "test:merge:" + UUID.randomUUID();
        var card = (ChannelDecision.Send) choices.dispatch(new Dispatch(UUID.fromString(message),
                UUID.fromString(tablet), MessageChannel.IN_APP, Dispatch.QuietHours.HOLD, Map.of(), null, origin,
                clock.instant()));
        assertThat(web().send("track", Api.json(Map.of("anonymousId", anonymousId, "event", "Message Opened",
                "properties", Map.of("deliveryId", String.valueOf(card.deliveryId()))))).status()).isEqualTo(200);

        assertThat(web().send("identify", Api.json(Map.of("anonymousId", anonymousId, "userId", "u-" + email,
                "traits", Map.of("email", email)))).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/messaging/deliveries?profileId=" + zsofi)
                .json().get("items").valueStream()
                .anyMatch(delivery -> delivery.get("id").asString().equals(String.valueOf(card.deliveryId()))));
        JsonNode decisions = api.get("/api/customers/" + zsofi + "/message-decisions").json().get("items");
        assertThat(decisions.valueStream().map(decision -> decision.get("origin").asString())).contains(origin);
        ChannelDecision next = choices.decide(new Dispatch(UUID.fromString(message), UUID.fromString(zsofi), null,
                Dispatch.QuietHours.HOLD, Map.of(), null, "test:after-merge", clock.instant()));
        assertThat(next.reasons()).contains("ranked by engagement: in_app 1.0, email 0.0");
        assertThat(next).isInstanceOfSatisfying(ChannelDecision.Send.class,
                send -> assertThat(send.channel()).isEqualTo(MessageChannel.IN_APP));
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
