package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A marketer defines segments through the API: wrong definitions are refused with the JSON path at fault; a new
 * definition is evaluated over every profile in a batch, with the size previewed before saving and progress
 * shown after; changing it evaluates it again.
 */
@PlatformTest
class MarketerDefiningSegmentsTests {

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Autowired
    JdbcClient jdbc;

    SegmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new SegmentFixtures(port);
    }

    @Test
    void wrongDefinitionsAreRefusedNamingTheJsonPathAtFault() {
        String key = SegmentFixtures.key("refused");
        String tooMany = IntStream.range(0, 10_000).mapToObj(i -> "{\"type\": \"birthday_this_month\"}")
                .collect(Collectors.joining(", "));
        Map<String, String> wrong = Map.of(
                "$.condition.colour", """
                        {"key": "%s", "name": "Unknown field", "condition": {"type": "age", "min": 18, "colour": "red"}}""",
                "$.condition.conditions[0].within", """
                        {"key": "%s", "name": "Zero window", "condition": {"type": "all", "conditions": [
                          {"type": "events", "event": "Order Completed", "within": "0d", "count": {"op": "gte", "value": 1}}]}}""",
                "$.condition.conditions", """
                        {"key": "%s", "name": "Ten thousand", "condition": {"type": "any", "conditions": [TOO_MANY]}}"""
                        .replace("TOO_MANY", tooMany),
                "$.condition.type", """
                        {"key": "%s", "name": "Code", "condition": {"type": "script", "source": "rm -rf /"}}""",
                "$.condition.shop", """
                        {"key": "%s", "name": "Nowhere", "condition": {"type": "near_shop", "shop": "atlantis", "km": 5}}""",
                "$.condition.conditions[1].key", """
                        {"key": "%s", "name": "Missing", "condition": {"type": "all", "conditions": [
                          {"type": "age", "min": 18}, {"type": "segment", "key": "no-such-segment"}]}}""",
                "$.condition.bands[2]", """
                        {"key": "%s", "name": "Bands", "condition": {"type": "rfm", "score": "monetary", "currency": "HUF",
                          "bands": [1000, 5000, 4000, 9000], "op": "gte", "value": 3}}""",
                "$.condition.value", """
                        {"key": "%s", "name": "Every score", "condition": {"type": "rfm", "score": "recency", "op": "gte",
                          "value": 0}}""",
                "$.condition.channel", """
                        {"key": "%s", "name": "Pigeon", "condition": {"type": "preferred_channel", "channel": "pigeon",
                          "within": "90d"}}""");
        for (var problem : wrong.entrySet()) {
            var refused = fixtures.api().post("/api/segments", problem.getValue().formatted(key));
            assertThat(refused.status()).as(problem.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(problem.getKey());
        }
        assertThat(fixtures.api().get("/api/segments/" + key).status()).isEqualTo(404);
    }

    @Test
    void segmentsReferringToEachOtherInACircleAreRefused() {
        String first = SegmentFixtures.key("first");
        String second = SegmentFixtures.key("second");
        fixtures.create("""
                {"key": "%s", "name": "First", "condition": {"type": "age", "min": 18}}""".formatted(first));
        fixtures.create("""
                {"key": "%s", "name": "Second", "condition": {"type": "segment", "key": "%s"}}""".formatted(second, first));

        var refused = fixtures.api().put("/api/segments/" + first, """
                {"key": "%s", "name": "First", "condition": {"type": "any", "conditions": [
                  {"type": "age", "min": 18}, {"type": "segment", "key": "%s"}]}}""".formatted(first, second));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("$.condition.conditions[1].key");
        assertThat(refused.body()).contains("cycle");
        assertThat(fixtures.api().get("/api/segments/" + first).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aNewDefinitionIsEvaluatedOverEveryProfileAsPreviewedAndAgainWhenChanged() {
        String run = "run-" + java.util.UUID.randomUUID();
        String anna = fixtures.customer(SegmentFixtures.userId("anna"), Map.of("test_run", run, "gender", "female",
                "birthday", "1990-03-04"));
        String bea = fixtures.customer(SegmentFixtures.userId("bea"), Map.of("test_run", run, "gender", "female",
                "birthday", "2010-03-04"));
        String csaba = fixtures.customer(SegmentFixtures.userId("csaba"), Map.of("test_run", run, "gender", "male",
                "birthday", "1980-03-04"));
        String key = SegmentFixtures.key("women");
        String women = """
                {"key": "%s", "name": "Women of the run", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "gender", "op": "eq", "value": "female"}]}}""".formatted(key, run);
        await().atMost(Duration.ofSeconds(10)).until(() -> preview(women) == 2);

        JsonNode created = fixtures.create(women);
        assertThat(created.get("evaluation").get("state").asString()).isEqualTo("RUNNING");
        work.evaluatePending();

        JsonNode segment = fixtures.api().get("/api/segments/" + key).json();
        assertThat(segment.get("members").asLong()).isEqualTo(2);
        assertThat(segment.get("evaluation").get("state").asString()).isEqualTo("DONE");
        assertThat(segment.get("evaluation").get("evaluated").asLong())
                .isEqualTo(segment.get("evaluation").get("total").asLong());
        assertThat(segment.get("evaluation").get("entered").asLong()).isEqualTo(2);
        assertThat(fixtures.members(key)).containsExactlyInAnyOrder(anna, bea);
        assertThat(entries(key, anna)).isEqualTo(1);

        var changed = fixtures.api().put("/api/segments/" + key, """
                {"key": "%s", "name": "Adult women of the run", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "gender", "op": "eq", "value": "female"},
                  {"type": "age", "min": 18}]}}""".formatted(key, run));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        work.evaluatePending();

        segment = fixtures.api().get("/api/segments/" + key).json();
        assertThat(segment.get("version").asInt()).isEqualTo(2);
        assertThat(segment.get("evaluation").get("exited").asLong()).isEqualTo(1);
        assertThat(fixtures.members(key)).containsExactly(anna);
        assertThat(entries(key, anna)).as("she stayed in: no second entry").isEqualTo(1);
        assertThat(fixtures.admin().timelineLabels(bea)).contains("Segment Entered", "Segment Exited");
        assertThat(fixtures.members(key)).doesNotContain(csaba);
        assertThat(fixtures.api().get("/api/segments/" + key + "/counts").json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void inferredConditionsPutHerInLiveAndTheExplanationShowsHerScoresAndShares() {
        String run = "inferred-" + java.util.UUID.randomUUID();
        String userId = SegmentFixtures.userId("vera");
        String profile = fixtures.customer(userId, Map.of("test_run", run), "email");
        String key = SegmentFixtures.key("aszu-bargain-hunters");
        fixtures.create("""
                {"key": "%s", "name": "Aszú bargain hunters waiting on the contact centre", "condition": {"type": "all",
                 "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "top_category", "category": "Wines/Tokaji/Aszú", "top": 1, "within": "30d"},
                  {"type": "preferred_channel", "channel": "email", "within": "90d"},
                  {"type": "rfm", "score": "frequency", "op": "gte", "value": 2},
                  {"type": "rfm", "score": "recency", "op": "eq", "value": 5},
                  {"type": "promotion_share", "within": "365d", "op": "gte", "value": 0.5},
                  {"type": "open_case"}]}}""".formatted(key, run));
        work.evaluatePending();

        for (String category : List.of("Wines/Tokaji/Aszú", "Wines/Tokaji/Aszú", "Wines/Furmint")) {
            fixtures.track(userId, "Product Viewed", Map.of("category", category));
        }
        fixtures.track(userId, "Message Opened", Map.of("channel", "email"));
        fixtures.track(userId, "Order Completed", Map.of("total", 24900, "currency", "HUF", "coupon", "AUTUMN10"));
        fixtures.track(userId, "Order Completed", Map.of("total", 9900, "currency", "HUF"));
        assertThat(fixtures.members(key)).doesNotContain(profile);
        fixtures.track(userId, "Conversation Started", Map.of("conversation_id", "case-" + run));

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(profile));
        JsonNode conditions = fixtures.explanation(key, profile).get("condition").get("children");
        assertThat(conditions.get(1).get("value").asString()).isEqualTo("2 events, rank 1 of 2");
        assertThat(conditions.get(3).get("value").asString()).isEqualTo("frequency score 2");
        assertThat(conditions.get(4).get("value").asString()).isEqualTo("recency score 5");
        assertThat(conditions.get(5).get("value").asString()).isEqualTo("1 of 2 orders");
        assertThat(conditions.get(6).get("value").asString()).isEqualTo("1 open");

        fixtures.track(userId, "Conversation Resolved", Map.of("conversation_id", "case-" + run));
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixtures.members(key).contains(profile));
        assertThat(preview("""
                {"key": "%s", "name": "Preview", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "rfm", "score": "monetary", "currency": "HUF", "bands": [10000, 30000, 50000, 90000],
                   "op": "eq", "value": 3}]}}""".formatted(SegmentFixtures.key("preview"), run))).isEqualTo(1);
    }

    @Test
    void theAudienceExportHoldsOnlyMembersWhoConsentedToMarketingWithHashedIdentifiers() {
        String run = "export-" + java.util.UUID.randomUUID();
        String consentingUser = SegmentFixtures.userId("ildi");
        fixtures.customer(consentingUser, Map.of("test_run", run), "email");
        fixtures.customer(SegmentFixtures.userId("janka"), Map.of("test_run", run));
        String key = SegmentFixtures.key("export");
        fixtures.create("""
                {"key": "%s", "name": "Export", "condition": {"type": "trait", "trait": "test_run", "op": "eq",
                  "value": "%s"}}""".formatted(key, run));
        work.evaluatePending();
        assertThat(fixtures.members(key)).hasSize(2);

        var hashed = fixtures.api().get("/api/segments/" + key + "/audience?hashed=true");
        assertThat(hashed.status()).as(hashed.body()).isEqualTo(200);
        assertThat(hashed.contentType()).startsWith("text/csv");
        List<String> lines = hashed.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("email_sha256,phone_sha256");
        assertThat(lines.get(1)).startsWith(sha256(consentingUser.toLowerCase() + "@example.com") + ",");
        assertThat(hashed.body()).doesNotContain("@example.com");

        var plain = fixtures.api().get("/api/segments/" + key + "/audience");
        assertThat(plain.body()).contains(consentingUser.toLowerCase() + "@example.com").doesNotContain("janka");
    }

    private static String sha256(String value) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private long preview(String definition) {
        var preview = fixtures.api().post("/api/segments/preview", definition);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        return preview.json().get("members").asLong();
    }

    /** Her "Segment Entered" events for the segment in the log. */
    private long entries(String key, String profile) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM events.outbox").query(Long.class)
                .single() == 0);
        return jdbc.sql("""
                SELECT count(*) FROM events.event WHERE profile_id = ?::uuid AND name = 'Segment Entered'
                    AND payload -> 'properties' ->> 'segment_key' = ?""").params(profile, key).query(Long.class).single();
    }

}
