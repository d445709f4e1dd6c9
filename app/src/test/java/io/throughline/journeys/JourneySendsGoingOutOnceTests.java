package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A journey's send goes out once, after the transaction that brought the customer to it: a step after the send
 * that fails does not send it again when retried, and the send intents a crash leaves — before the message went
 * out, or after it went out but before the customer moved on — are sent by the next poller once their lease runs
 * out, once. The crashes are staged by writing the rows a crash at that moment leaves behind.
 */
@PlatformTest
@NoControlGroup
class JourneySendsGoingOutOnceTests {

    @LocalServerPort
    int port;

    @Autowired
    JourneyTimers timers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    JourneyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new JourneyFixtures(port);
    }

    @Test
    void aStepFailingAfterTheSendDoesNotSendItAgainWhenRetried() {
        String message = fixtures.message("Coupon news");
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Coupon news", "trigger": {"api": true}, "start": "news",
                 "steps": {
                   "news": {"type": "send", "message": "%s", "channel": "email", "next": "coupon"},
                   "coupon": {"type": "grant_coupon", "batch": "%s", "channel": "web", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("coupon-news"), message,
                UUID.randomUUID()));
        String profile = fixtures.customer(JourneyFixtures.userId("panni"), "email");

        // The coupon batch does not exist, so the step after the send fails every time it is tried.
        assertThat(fixtures.enter(key, profile).status()).isEqualTo(201);
        assertThat(fixtures.deliveries(profile).size()).isEqualTo(1);
        Instant leaseOver = clock.instant().plus(Duration.ofMinutes(2));
        timers.fireDue(leaseOver);
        timers.fireDue(leaseOver.plus(Duration.ofMinutes(2)));

        assertThat(fixtures.deliveries(profile).size()).isEqualTo(1);
        assertThat(decisions(profile)).isEqualTo(1);
        assertThat(fixtures.step(key, 1, "news")).containsExactly(1, 0, 1);
        // The step keeps failing: the test takes its intent away rather than leave it to be retried for good.
        jdbc.sql("DELETE FROM journeys.send_intent WHERE instance_id = ?").param(instance(key)).update();
    }

    @Test
    void aSendACrashLeftBeforeItWentOutGoesOutOnceWhenItsLeaseRunsOut() {
        String message = fixtures.message("Later news");
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Later news", "trigger": {"api": true}, "start": "later",
                 "steps": {
                   "later": {"type": "wait", "duration": "1h", "next": "news"},
                   "news": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("later-news"), message));
        String profile = fixtures.customer(JourneyFixtures.userId("rozi"), "email");
        assertThat(fixtures.enter(key, profile).status()).isEqualTo(201);
        Instant due = clock.instant().plus(Duration.ofHours(1));
        // The timer fired and its transaction committed the send intent; the process died before sending.
        UUID instance = instance(key);
        jdbc.sql("DELETE FROM journeys.timer WHERE instance_id = ?").param(instance).update();
        jdbc.sql("UPDATE journeys.instance SET step = 'news', stage = 2 WHERE id = ?").param(instance).update();
        jdbc.sql("""
                INSERT INTO journeys.send_intent (instance_id, stage, step, at, claimed_until)
                VALUES (?, 2, 'news', ?, now() + interval '1 minute')""")
                .params(instance, java.sql.Timestamp.from(due)).update();

        timers.fireDue(clock.instant());
        assertThat(fixtures.deliveries(profile).size()).as("while the lease lasts, the sender may be sending").isZero();
        timers.fireDue(due);
        timers.fireDue(due.plus(Duration.ofMinutes(2)));

        assertThat(fixtures.deliveries(profile).size()).isEqualTo(1);
        assertThat(state(key)).isEqualTo("COMPLETED");
    }

    @Test
    void aSendThatWentOutBeforeTheCrashIsNotSentAgain() {
        String message = fixtures.message("Quick news");
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Quick news", "trigger": {"api": true}, "start": "news",
                 "steps": {
                   "news": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("quick-news"), message));
        String profile = fixtures.customer(JourneyFixtures.userId("teca"), "email");
        assertThat(fixtures.enter(key, profile).status()).isEqualTo(201);
        assertThat(fixtures.deliveries(profile).size()).isEqualTo(1);
        // As a crash after the send, before the transaction that moves her on, leaves it: still at the send.
        UUID instance = instance(key);
        jdbc.sql("UPDATE journeys.instance SET state = 'ACTIVE', step = 'news', ended_at = NULL WHERE id = ?")
                .param(instance).update();
        jdbc.sql("""
                INSERT INTO journeys.send_intent (instance_id, stage, step, at, claimed_until)
                VALUES (?, 1, 'news', now(), now())""").param(instance).update();

        timers.fireDue(clock.instant().plus(Duration.ofMinutes(2)));

        assertThat(fixtures.deliveries(profile).size()).isEqualTo(1);
        assertThat(decisions(profile)).isEqualTo(1);
        assertThat(state(key)).isEqualTo("COMPLETED");
    }

    /** The one instance of the journey. */
    private UUID instance(String key) {
        return jdbc.sql("SELECT id FROM journeys.instance WHERE journey_key = ?").param(key).query(UUID.class)
                .single();
    }

    private String state(String key) {
        return jdbc.sql("SELECT state FROM journeys.instance WHERE journey_key = ?").param(key).query(String.class)
                .single();
    }

    private int decisions(String profile) {
        return fixtures.api().get("/api/customers/" + profile + "/message-decisions").json().get("items").size();
    }
}
