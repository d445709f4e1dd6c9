package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Journey sends go through the channel choice: a text due in her quiet hours waits for the morning on a
 * durable timer, the frequency caps count two journeys together, and a channel she did not consent to stays
 * silent. With the built-in settings: quiet hours 21:00–08:00 on SMS and push, at most 2 marketing emails a
 * week.
 */
@PlatformTest
@NoControlGroup
class JourneysHoldingAndCappingSendsTests {

    static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

    @LocalServerPort
    int port;

    @Autowired
    JourneyTimers timers;

    @Autowired
    Clock clock;

    JourneyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new JourneyFixtures(port);
    }

    @Test
    void aTextDueInHerQuietHoursIsHeldAndSentWhenTheyEnd() {
        String message = fixtures.message("Evening text");
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Evening text", "trigger": {"api": true}, "start": "later",
                 "steps": {
                   "later": {"type": "wait", "duration": "1h", "next": "text"},
                   "text": {"type": "send", "message": "%s", "channel": "sms", "quietHours": "hold", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("evening"), message));
        String profile = fixtures.customer(JourneyFixtures.userId("hajni"), "sms");
        Instant entered = clock.instant();
        assertThat(fixtures.enter(key, profile).status()).isEqualTo(201);
        Instant tenAtNight = nextLocal(entered.plus(Duration.ofHours(1)), LocalTime.of(22, 0));
        Instant eightInTheMorning = nextLocal(tenAtNight, LocalTime.of(8, 0));

        timers.fireDue(tenAtNight);
        assertThat(fixtures.deliveries(profile).size()).isZero();
        assertThat(fixtures.step(key, 1, "text")).containsExactly(1, 0, 1);
        timers.fireDue(eightInTheMorning.minusSeconds(60));
        assertThat(fixtures.deliveries(profile).size()).isZero();
        timers.fireDue(eightInTheMorning);

        JsonNode deliveries = fixtures.deliveries(profile);
        assertThat(deliveries.size()).isEqualTo(1);
        assertThat(deliveries.get(0).get("channel").asString()).isEqualTo("sms");
        assertThat(fixtures.step(key, 1, "text")).containsExactly(1, 1, 0);
        JsonNode decisions = fixtures.api().get("/api/customers/" + profile + "/message-decisions").json().get("items");
        assertThat(decisions.get(1).get("outcome").asString()).isEqualTo("hold");
        assertThat(decisions.get(0).get("outcome").asString()).isEqualTo("send");
    }

    @Test
    void theWeeklyEmailCapCountsTwoJourneysTogether() {
        String message = fixtures.message("Offer");
        String single = fixtures.activeJourney("""
                {"key": "%s", "name": "One offer", "trigger": {"api": true}, "start": "offer",
                 "steps": {
                   "offer": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("one-offer"), message));
        String twice = fixtures.activeJourney("""
                {"key": "%s", "name": "Two offers", "trigger": {"api": true}, "start": "first",
                 "steps": {
                   "first": {"type": "send", "message": "%s", "channel": "email", "next": "second"},
                   "second": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("two-offers"), message, message));
        String profile = fixtures.customer(JourneyFixtures.userId("ildi"), "email");

        assertThat(fixtures.enter(single, profile).status()).isEqualTo(201);
        assertThat(fixtures.enter(twice, profile).status()).isEqualTo(201);

        assertThat(fixtures.deliveries(profile).size()).isEqualTo(2);
        JsonNode decisions = fixtures.api().get("/api/customers/" + profile + "/message-decisions").json().get("items");
        assertThat(decisions.get(0).get("origin").asString()).isEqualTo("journey:" + twice + ":v1:second");
        assertThat(decisions.get(0).get("outcome").asString()).isEqualTo("skip");
        assertThat(decisions.get(0).get("reasons").toString()).contains("frequency cap");
        assertThat(fixtures.stats(twice, 1).get("completed").asLong()).isEqualTo(1);
    }

    @Test
    void withoutConsentOnTheChannelNoMessageGoesOut() {
        String message = fixtures.message("Text only");
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Text only", "trigger": {"api": true}, "start": "text",
                 "steps": {
                   "text": {"type": "send", "message": "%s", "channel": "sms", "quietHours": "drop", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("text-only"), message));
        String profile = fixtures.customer(JourneyFixtures.userId("jutka"), "email");

        assertThat(fixtures.enter(key, profile).status()).isEqualTo(201);

        assertThat(fixtures.deliveries(profile).valueStream()
                .filter(delivery -> !delivery.get("status").asString().equals("refused"))).isEmpty();
        JsonNode decision = fixtures.api().get("/api/customers/" + profile + "/message-decisions").json()
                .get("items").get(0);
        assertThat(decision.get("outcome").asString()).isEqualTo("skip");
        assertThat(decision.get("reasons").toString()).contains("no marketing consent for sms");
        assertThat(fixtures.step(key, 1, "text")).containsExactly(1, 1, 0);
    }

    private static Instant nextLocal(Instant after, LocalTime time) {
        var local = after.atZone(BUDAPEST);
        var candidate = local.toLocalDate().atTime(time).atZone(BUDAPEST);
        return (candidate.toInstant().isAfter(after) ? candidate : candidate.plusDays(1)).toInstant();
    }
}
