package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kata browses anonymously on a tablet, enters a journey there, then signs in: the tablet's profile merges into
 * hers. Its journey instances become hers, their timers fire once, and the journey's re-entry rule counts both
 * profiles' entries; when both profiles were in one journey that takes a customer once, the entry that came
 * first carries on and the other ends as merged. Undoing the merge gives the tablet back its instances and its
 * messaging records.
 */
@PlatformTest
@NoControlGroup
class CustomersMergedMidJourneyTests {

    static final String LATER_NEWS = """
            {"key": "%s", "name": "Later news", "trigger": {"api": true}, "reentry": "once", "start": "later",
             "steps": {
               "later": {"type": "wait", "duration": "1h", "next": "news"},
               "news": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
               "done": {"type": "exit"}}}""";

    @LocalServerPort
    int port;

    @Autowired
    JourneyTimers timers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    JourneyFixtures fixtures;
    Admin admin;
    String key;

    @BeforeEach
    void journey() {
        fixtures = new JourneyFixtures(port);
        admin = new Admin(port);
        key = fixtures.activeJourney(LATER_NEWS.formatted(JourneyFixtures.key("later-news"),
                fixtures.message("Later news")));
    }

    @Test
    void theTabletsWaitingInstanceBecomesHersAndItsTimerFiresOnce() {
        String kata = JourneyFixtures.userId("kata");
        String customer = fixtures.customer(kata, "email");
        Tablet tablet = tablet();
        assertThat(fixtures.enter(key, tablet.profile()).status()).isEqualTo(201);
        Instant due = clock.instant().plus(Duration.ofHours(1));

        signIn(tablet, kata);
        await().atMost(Duration.ofSeconds(10)).until(() -> instances(customer) == 1);

        assertThat(fixtures.enter(key, customer).status()).as("the journey takes her once").isEqualTo(409);
        timers.fireDue(due);
        timers.fireDue(due.plus(Duration.ofHours(1)));
        assertThat(fixtures.deliveries(customer).size()).isEqualTo(1);
        assertThat(fixtures.step(key, 1, "news")).containsExactly(1, 1, 0);
    }

    @Test
    void whenBothProfilesWereInTheJourneyTheFirstEntryCarriesOn() {
        String kata = JourneyFixtures.userId("kata");
        String customer = fixtures.customer(kata, "email");
        Tablet tablet = tablet();
        assertThat(fixtures.enter(key, tablet.profile()).status()).isEqualTo(201);
        assertThat(fixtures.enter(key, customer).status()).isEqualTo(201);
        Instant due = clock.instant().plus(Duration.ofHours(1));

        signIn(tablet, kata);
        await().atMost(Duration.ofSeconds(10)).until(() -> instances(customer) == 2);

        timers.fireDue(due);
        timers.fireDue(due.plus(Duration.ofHours(1)));
        assertThat(fixtures.deliveries(customer).size()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT profile_id FROM journeys.instance WHERE journey_key = ? AND state = 'COMPLETED'""")
                .param(key).query(UUID.class).single()).isEqualTo(UUID.fromString(customer));
        assertThat(jdbc.sql("SELECT count(*) FROM journeys.instance WHERE journey_key = ? AND state = 'MERGED'")
                .param(key).query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.step(key, 1, "later")).containsExactly(2, 2, 0);
    }

    @Test
    void undoingTheMergeGivesTheTabletItsInstanceAndItsMessagesBack() {
        String kata = JourneyFixtures.userId("kata");
        String customer = fixtures.customer(kata, "email");
        Tablet tablet = tablet();
        assertThat(fixtures.enter(key, tablet.profile()).status()).isEqualTo(201);
        var message = admin.api().post("/api/messaging/messages", """
                {"name": "Tablet offer %s", "purpose": "marketing", "variants": [{"channel": "email",
                  "subject": "Offer", "html": "<p>Offer</p>", "text": "Offer"}]}""".formatted(UUID.randomUUID()));
        var refused = admin.api().post("/api/messaging/messages/" + message.json().get("id").asString() + "/send",
                "{\"profileId\":\"" + tablet.profile() + "\",\"channel\":\"email\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        UUID delivery = UUID.fromString(refused.json().get("id").asString());

        signIn(tablet, kata);
        await().atMost(Duration.ofSeconds(10)).until(() -> instances(customer) == 1
                && customer.equals(String.valueOf(deliveryOwner(delivery))));
        String mergeId = admin.api().get("/api/customers/" + customer).json().get("merges").get(0).get("id")
                .asString();
        var undone = admin.api().post("/api/customers/merges/" + mergeId + "/unmerge", "");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> instances(tablet.profile()) == 1
                && tablet.profile().equals(String.valueOf(deliveryOwner(delivery))));
        assertThat(instances(customer)).isZero();
        assertThat(fixtures.enter(key, customer).status()).as("her own entry is hers to make again").isEqualTo(201);
    }

    private UUID deliveryOwner(UUID delivery) {
        return jdbc.sql("SELECT profile_id FROM messaging.delivery WHERE id = ?").param(delivery).query(UUID.class)
                .single();
    }

    /** An anonymous visitor on a tablet, with a profile newer than Kata's. */
    record Tablet(String anonymousId, String profile) {}

    private Tablet tablet() {
        String anonymousId = "tablet-" + UUID.randomUUID();
        var tracked = web().send("track", Api.json(Map.of("anonymousId", anonymousId, "event", "Product Viewed")));
        assertThat(tracked.status()).isEqualTo(200);
        return new Tablet(anonymousId, admin.profileOf("anonymous_id:" + anonymousId));
    }

    /** The tablet signs in as Kata: its profile merges into hers, the older one. */
    private void signIn(Tablet tablet, String userId) {
        var identified = web().send("identify", Api.json(Map.of("anonymousId", tablet.anonymousId(),
                "userId", userId)));
        assertThat(identified.status()).isEqualTo(200);
    }

    private long instances(String profile) {
        return jdbc.sql("SELECT count(*) FROM journeys.instance WHERE journey_key = ? AND profile_id = ?")
                .params(key, UUID.fromString(profile)).query(Long.class).single();
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
