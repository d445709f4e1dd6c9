package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Customers entered through the API wait on durable timers: a 48-hour wait fires once, at its moment and not
 * before; re-entry rules hold; customers in flight finish on the version they entered.
 */
@PlatformTest
class CustomersWaitingInJourneysTests {

    static final String WAIT_THEN_MARK = """
            {"key": "%s", "name": "Wait and mark", "trigger": {"api": true}, "reentry": %s,
             "start": "wait",
             "steps": {
               "wait": {"type": "wait", "duration": "48h", "next": "mark"},
               "mark": {"type": "update_trait", "trait": "%s", "value": "%s", "channel": "web", "next": "done"},
               "done": {"type": "exit"}}}""";

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
    void aFortyEightHourWaitFiresOnceAtItsMomentAndNotBefore() {
        String key = fixtures.activeJourney(WAIT_THEN_MARK.formatted(JourneyFixtures.key("wait"), "\"once\"",
                "waited", "yes"));
        String profile = fixtures.customer(JourneyFixtures.userId("anna"));
        Instant entered = clock.instant();

        var entry = fixtures.enter(key, profile);

        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        assertThat(fixtures.step(key, 1, "wait")).containsExactly(1, 0, 1);
        timers.fireDue(entered.plus(Duration.ofHours(47)));
        assertThat(fixtures.step(key, 1, "wait")).containsExactly(1, 0, 1);
        timers.fireDue(entered.plus(Duration.ofHours(48)).plusSeconds(5));
        timers.fireDue(entered.plus(Duration.ofHours(49)));
        assertThat(fixtures.step(key, 1, "wait")).containsExactly(1, 1, 0);
        assertThat(fixtures.step(key, 1, "mark")).containsExactly(1, 1, 0);
        assertThat(fixtures.stats(key, 1).get("completed").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.api().get("/api/customers/" + profile).json()
                .get("traits").valueStream().anyMatch(trait -> trait.get("name").asString().equals("waited")
                        && trait.get("value").asString().equals("yes")));
    }

    @Test
    void onceMeansOnceEverWhileOncePerPeriodAndAlwaysLetHerBackIn() {
        String once = fixtures.activeJourney(WAIT_THEN_MARK.formatted(JourneyFixtures.key("once"), "\"once\"",
                "a", "b"));
        String weekly = fixtures.activeJourney(WAIT_THEN_MARK.formatted(JourneyFixtures.key("weekly"),
                "{\"rule\": \"once_per\", \"period\": \"7d\"}", "a", "b"));
        String always = fixtures.activeJourney(WAIT_THEN_MARK.formatted(JourneyFixtures.key("always"), "\"always\"",
                "a", "b"));
        String profile = fixtures.customer(JourneyFixtures.userId("bori"));

        assertThat(fixtures.enter(once, profile).status()).isEqualTo(201);
        var again = fixtures.enter(once, profile);
        assertThat(fixtures.enter(weekly, profile).status()).isEqualTo(201);
        var weeklyAgain = fixtures.enter(weekly, profile);
        assertThat(fixtures.enter(always, profile).status()).isEqualTo(201);
        assertThat(fixtures.enter(always, profile).status()).isEqualTo(201);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body()).contains("one entry");
        assertThat(weeklyAgain.status()).isEqualTo(409);
        assertThat(weeklyAgain.body()).contains("PT168H");
        assertThat(fixtures.stats(always, 1).get("entered").asLong()).isEqualTo(2);
        assertThat(fixtures.stats(once, 1).get("entered").asLong()).isEqualTo(1);
    }

    @Test
    void customersInFlightFinishOnTheirVersionWhileNewEntriesTakeTheNewOne() {
        String key = JourneyFixtures.key("versions");
        fixtures.activeJourney(WAIT_THEN_MARK.formatted(key, "\"always\"", "version", "one"));
        String early = fixtures.customer(JourneyFixtures.userId("csilla"));
        String late = fixtures.customer(JourneyFixtures.userId("dori"));
        Instant start = clock.instant();
        assertThat(fixtures.enter(key, early).json().get("version").asInt()).isEqualTo(1);

        var updated = fixtures.api().put("/api/journeys/" + key, """
                {"key": "%s", "name": "Wait and mark, shorter", "trigger": {"api": true}, "reentry": "always",
                 "start": "wait",
                 "steps": {
                   "wait": {"type": "wait", "duration": "1h", "next": "mark"},
                   "mark": {"type": "update_trait", "trait": "version", "value": "two", "channel": "web", "next": "end"},
                   "end": {"type": "exit"}}}""".formatted(key));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("activeVersion").asInt()).isEqualTo(2);
        assertThat(fixtures.enter(key, late).json().get("version").asInt()).isEqualTo(2);

        timers.fireDue(start.plus(Duration.ofHours(2)));
        assertThat(fixtures.stats(key, 2).get("completed").asLong()).isEqualTo(1);
        assertThat(fixtures.step(key, 1, "wait")).containsExactly(1, 0, 1);
        timers.fireDue(start.plus(Duration.ofHours(49)));
        assertThat(fixtures.stats(key, 1).get("completed").asLong()).isEqualTo(1);
        assertThat(fixtures.step(key, 1, "done")).containsExactly(1, 1, 0);
        assertThat(fixtures.step(key, 2, "end")).containsExactly(1, 1, 0);
    }
}
