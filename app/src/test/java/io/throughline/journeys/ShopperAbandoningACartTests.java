package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The abandoned-cart journey: "Product Added" over 100.00 starts it; no "Order Completed" within 48 hours
 * sends one reminder on the best channel she consented to; an order before then ends it with no message.
 * Email carries the reminder so that the test does not depend on the time of day it runs at: quiet hours
 * spare email.
 */
@PlatformTest
@NoControlGroup
class ShopperAbandoningACartTests {

    static final String ABANDONED_CART = """
            {"key": "%s", "name": "Abandoned cart",
             "trigger": {"event": "Product Added", "where": [{"property": "price", "op": "gt", "value": 10000}]},
             "reentry": "always",
             "goal": {"event": "Order Completed"},
             "start": "wait-for-order",
             "steps": {
               "wait-for-order": {"type": "wait_for_event", "event": "Order Completed", "timeout": "48h",
                                  "onEvent": "done", "onTimeout": "remind"},
               "remind": {"type": "send", "message": "%s", "channel": "best", "quietHours": "hold", "next": "done"},
               "done": {"type": "exit"}}}""";

    @LocalServerPort
    int port;

    @Autowired
    JourneyTimers timers;

    @Autowired
    Clock clock;

    JourneyFixtures fixtures;
    String journey;

    @BeforeEach
    void journey() {
        fixtures = new JourneyFixtures(port);
        journey = fixtures.activeJourney(ABANDONED_CART.formatted(JourneyFixtures.key("abandoned-cart"),
                fixtures.message("Cart reminder")));
    }

    @AfterEach
    void pauseTheJourney() {
        fixtures.api().post("/api/journeys/" + journey + "/pause", "");
    }

    @Test
    void noOrderWithinFortyEightHoursBringsExactlyOneReminderOnHerConsentedChannel() {
        String userId = JourneyFixtures.userId("emese");
        String profile = fixtures.customer(userId, "email");
        Instant added = clock.instant();

        fixtures.track(userId, "Product Added", Map.of("sku", "TOKAJI-ASZU-5", "price", 24900, "currency", "HUF"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.step(journey, 1, "wait-for-order")[2] == 1);
        timers.fireDue(added.plus(Duration.ofHours(47)));
        assertThat(fixtures.deliveries(profile).size()).isZero();

        timers.fireDue(added.plus(Duration.ofHours(48)).plusSeconds(10));
        timers.fireDue(added.plus(Duration.ofHours(60)));

        JsonNode deliveries = fixtures.deliveries(profile);
        assertThat(deliveries.size()).isEqualTo(1);
        assertThat(deliveries.get(0).get("channel").asString()).isEqualTo("email");
        assertThat(deliveries.get(0).get("status").asString()).isNotEqualTo("refused");
        assertThat(fixtures.step(journey, 1, "remind")).containsExactly(1, 1, 0);
        JsonNode decision = fixtures.api().get("/api/customers/" + profile + "/message-decisions").json()
                .get("items").get(0);
        assertThat(decision.toString()).contains("journey:" + journey + ":v1:remind", "sms skipped: no marketing consent for sms");
    }

    @Test
    void anOrderBeforeTheDeadlineEndsTheJourneyWithoutAMessage() {
        String userId = JourneyFixtures.userId("fanni");
        String profile = fixtures.customer(userId, "email", "sms");
        Instant added = clock.instant();
        fixtures.track(userId, "Product Added", Map.of("sku", "TOKAJI-ASZU-5", "price", 24900, "currency", "HUF"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.step(journey, 1, "wait-for-order")[2] == 1);

        fixtures.track(userId, "Order Completed", Map.of("order_id", "o-1", "total", 24900));

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.stats(journey, 1).get("converted").asLong() == 1);
        timers.fireDue(added.plus(Duration.ofHours(49)));
        assertThat(fixtures.deliveries(profile).size()).isZero();
        assertThat(fixtures.step(journey, 1, "wait-for-order")).containsExactly(1, 1, 0);
        assertThat(fixtures.step(journey, 1, "remind")[0]).isZero();
        assertThat(fixtures.stats(journey, 1).get("conversionRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aCheapProductDoesNotStartTheJourney() {
        String userId = JourneyFixtures.userId("gitta");
        fixtures.customer(userId, "email");
        fixtures.track(userId, "Product Added", Map.of("sku", "CORKSCREW", "price", 2500, "currency", "HUF"));
        fixtures.track(userId, "Product Added", Map.of("sku", "TOKAJI-ASZU-6", "price", 34900, "currency", "HUF"));

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.stats(journey, 1).get("entered").asLong() >= 1);
        assertThat(fixtures.stats(journey, 1).get("entered").asLong()).isEqualTo(1);
    }
}
