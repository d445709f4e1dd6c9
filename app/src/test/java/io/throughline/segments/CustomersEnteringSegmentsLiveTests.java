package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
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
import tools.jackson.databind.JsonNode;

/**
 * Segments kept live from the log: "viewed at least two Aszú wines in 30 days and ordered nothing in 30 days".
 * Her views put her in at once, an order takes her out, the window's end takes her out on time with no new
 * event, a journey entering on "Segment Entered" sends her its message, and a merge of two profiles whose
 * histories only together qualify puts the survivor in once.
 */
@PlatformTest
@NoControlGroup
class CustomersEnteringSegmentsLiveTests {

    static final String ASZU_BROWSERS = """
            {"key": "%s", "name": "Aszú browsers", "description": "Looked twice, bought nothing",
             "condition": {"type": "all", "conditions": [
               {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
               {"type": "events", "event": "Product Viewed", "where": [{"property": "name", "op": "contains", "value": "Aszú"}],
                "within": "30d", "count": {"op": "gte", "value": 2}},
               {"type": "events", "event": "Order Completed", "within": "30d", "count": {"op": "eq", "value": 0}}]}}""";

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    SegmentFixtures fixtures;
    String key;
    /** Only this test's customers carry it, so the segment takes in nobody else's. */
    String run;

    @BeforeEach
    void segment() {
        fixtures = new SegmentFixtures(port);
        key = SegmentFixtures.key("aszu-browsers");
        run = "live-" + UUID.randomUUID();
        fixtures.create(ASZU_BROWSERS.formatted(key, run));
        work.evaluatePending();
    }

    @Test
    void twoViewsPutHerInAtOnceAndTheExplanationShowsTheDecidingValues() {
        String userId = SegmentFixtures.userId("dora");
        String profile = fixtures.customer(userId, Map.of("test_run", run), "email");
        viewAszu(userId);
        assertThat(fixtures.members(key)).doesNotContain(profile);
        viewAszu(userId);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(profile));
        JsonNode explanation = fixtures.explanation(key, profile);
        assertThat(explanation.get("member").asBoolean()).isTrue();
        JsonNode conditions = explanation.get("condition").get("children");
        assertThat(conditions.get(1).get("value").asString()).isEqualTo("2 events in 30d");
        assertThat(conditions.get(1).get("condition").asString()).contains("name contains \"Aszú\"");
        assertThat(conditions.get(2).get("value").asString()).isEqualTo("0 events in 30d");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.admin().timelineLabels(profile)
                .contains("Segment Entered"));

        fixtures.track(userId, "Order Completed", Map.of("order_id", "o-" + UUID.randomUUID(), "total", 24900,
                "currency", "HUF"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixtures.members(key).contains(profile));
        assertThat(fixtures.explanation(key, profile).get("condition").get("children").get(2).get("value").asString())
                .isEqualTo("1 events in 30d");
    }

    @Test
    void theWindowsEndTakesHerOutOnTimeWithoutANewEvent() {
        String userId = SegmentFixtures.userId("eszter");
        String profile = fixtures.customer(userId, Map.of("test_run", run), "email");
        Instant viewed = clock.instant();
        viewAszu(userId);
        viewAszu(userId);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(profile));

        work.fireDue(viewed.plus(Duration.ofDays(29)));
        assertThat(fixtures.members(key)).contains(profile);

        work.fireDue(clock.instant().plus(Duration.ofDays(30)).plusSeconds(5));
        assertThat(fixtures.members(key)).doesNotContain(profile);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.admin().timelineLabels(profile)
                .contains("Segment Exited"));
    }

    @Test
    void aJourneyEnteringOnTheSegmentSendsHerItsMessage() {
        String message = "Aszú tasting " + UUID.randomUUID();
        var created = fixtures.api().post("/api/messaging/messages", """
                {"name": "%s", "purpose": "marketing", "variants": [
                  {"channel": "email", "subject": "Come and taste", "html": "<p>Szia {{givenName}}</p>", "text": "Szia"}]}"""
                .formatted(message));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String journey = SegmentFixtures.key("aszu-tasting");
        var saved = fixtures.api().post("/api/journeys", """
                {"key": "%s", "name": "Aszú tasting invitation",
                 "trigger": {"event": "Segment Entered", "where": [{"property": "segment_key", "op": "eq", "value": "%s"}]},
                 "start": "invite",
                 "steps": {"invite": {"type": "send", "message": "%s", "channel": "email", "next": "done"},
                           "done": {"type": "exit"}}}""".formatted(journey, key, message));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(fixtures.api().post("/api/journeys/" + journey + "/activate", "").status()).isEqualTo(200);

        String userId = SegmentFixtures.userId("flora");
        String profile = fixtures.customer(userId, Map.of("test_run", run), "email");
        viewAszu(userId);
        viewAszu(userId);

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(profile).size() == 1);
        JsonNode delivery = deliveries(profile).get(0);
        assertThat(delivery.get("channel").asString()).isEqualTo("email");
        assertThat(delivery.get("status").asString()).isNotEqualTo("refused");
        fixtures.api().post("/api/journeys/" + journey + "/pause", "");
    }

    @Test
    void aMergeWhoseHistoriesOnlyTogetherQualifyPutsTheSurvivorInOnce() {
        String userId = SegmentFixtures.userId("gizi");
        String profile = fixtures.customer(userId, Map.of("test_run", run), "email");
        viewAszu(userId);
        String tablet = "tablet-" + UUID.randomUUID();
        var viewed = fixtures.web().send("track", Api.json(Map.of("anonymousId", tablet, "event", "Product Viewed",
                "properties", Map.of("name", "Tokaji Aszú 6 puttonyos"))));
        assertThat(viewed.status()).isEqualTo(200);
        String tabletProfile = fixtures.admin().profileOf("anonymous_id:" + tablet);
        assertThat(fixtures.members(key)).doesNotContain(profile, tabletProfile);

        var signedIn = fixtures.web().send("identify", Api.json(Map.of("anonymousId", tablet, "userId", userId)));
        assertThat(signedIn.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(profile));
        assertThat(fixtures.members(key)).doesNotContain(tabletProfile);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM events.outbox")
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM events.event WHERE name = 'Segment Entered' AND profile_id IN (?::uuid, ?::uuid)
                    AND payload -> 'properties' ->> 'segment_key' = ?""").params(profile, tabletProfile, key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.explanation(key, profile).get("condition").get("children").get(1).get("value").asString())
                .isEqualTo("2 events in 30d");
    }

    private void viewAszu(String userId) {
        fixtures.track(userId, "Product Viewed", Map.of("sku", "TOKAJI-ASZU-5", "name", "Tokaji Aszú 5 puttonyos",
                "price", 24900, "currency", "HUF"));
    }

    private JsonNode deliveries(String profile) {
        var found = fixtures.api().get("/api/messaging/deliveries?profileId=" + profile);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items");
    }
}
