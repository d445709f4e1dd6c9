package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A marketer saves journeys as JSON: each save is a version, a wrong definition is refused naming the JSON
 * path at fault, and a dry run tells what the journey would do for a customer without doing any of it.
 */
@PlatformTest
@NoControlGroup
class MarketerDefiningJourneysTests {

    /** A Monday noon in Budapest: no quiet hours. */
    static final Instant MONDAY_NOON = Instant.parse("2026-11-30T11:00:00Z");

    @LocalServerPort
    int port;

    JourneyFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new JourneyFixtures(port);
    }

    @Test
    void eachSaveIsANewVersionAndActivationPicksTheLatest() {
        String key = JourneyFixtures.key("welcome");
        String v1 = """
                {"key": "%s", "name": "Welcome", "trigger": {"api": true}, "start": "done",
                 "steps": {"done": {"type": "exit"}}}""".formatted(key);

        var created = fixtures.api().post("/api/journeys", v1);
        var duplicate = fixtures.api().post("/api/journeys", v1);
        var updated = fixtures.api().put("/api/journeys/" + key, v1.replace("\"Welcome\"", "\"Welcome back\""));
        var activated = fixtures.api().post("/api/journeys/" + key + "/activate", "");
        var paused = fixtures.api().post("/api/journeys/" + key + "/pause", "");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(created.json().get("latestVersion").asInt()).isEqualTo(1);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(updated.json().get("latestVersion").asInt()).isEqualTo(2);
        assertThat(updated.json().get("name").asString()).isEqualTo("Welcome back");
        assertThat(activated.json().get("status").asString()).isEqualTo("active");
        assertThat(activated.json().get("activeVersion").asInt()).isEqualTo(2);
        assertThat(paused.json().get("status").asString()).isEqualTo("paused");
        assertThat(fixtures.enter(key, fixtures.customer(JourneyFixtures.userId("lili"))).status()).isEqualTo(409);
        assertThat(fixtures.api().get("/api/journeys/" + key + "/versions/1").json().get("definition").get("name")
                .asString()).isEqualTo("Welcome");
        assertThat(fixtures.api().get("/api/journeys?size=200").json().get("items").valueStream()
                .map(journey -> journey.get("key").asString())).contains(key);
    }

    @Test
    void wrongDefinitionsAreRefusedNamingTheJsonPath() {
        String message = fixtures.message("Known");
        Map<String, String> wrong = Map.of(
                "$.steps.a.type", """
                        {"key": "%s", "name": "X", "trigger": {"api": true}, "start": "a",
                         "steps": {"a": {"type": "teleport"}}}""",
                "$.steps.a.next", """
                        {"key": "%s", "name": "X", "trigger": {"api": true}, "start": "a",
                         "steps": {"a": {"type": "wait", "duration": "1h", "next": "b"}}}""",
                "$.steps.a.message", """
                        {"key": "%s", "name": "X", "trigger": {"api": true}, "start": "a",
                         "steps": {"a": {"type": "send", "message": "No such message", "next": "b"},
                                   "b": {"type": "exit"}}}""",
                "$.steps.a", """
                        {"key": "%s", "name": "X", "trigger": {"api": true}, "start": "a",
                         "steps": {"a": {"type": "send", "message": "MESSAGE", "next": "b"},
                                   "b": {"type": "random_split", "branches": [{"percent": 50, "next": "a"},
                                                                              {"percent": 50, "control": true}]}}}""");
        for (var problem : wrong.entrySet()) {
            String key = JourneyFixtures.key("wrong");
            var refused = fixtures.api().post("/api/journeys",
                    problem.getValue().formatted(key).replace("MESSAGE", message));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(problem.getKey());
            assertThat(fixtures.api().get("/api/journeys/" + key).status()).isEqualTo(404);
        }
    }

    @Test
    void aDryRunExplainsThePathAndTheChannelAndSendsNothing() {
        String key = fixtures.activeJourney(ShopperAbandoningACartTests.ABANDONED_CART.formatted(
                JourneyFixtures.key("dry-cart"), fixtures.message("Dry reminder")));
        String profile = fixtures.customer(JourneyFixtures.userId("maja"), "email");

        var noOrder = fixtures.api().post("/api/journeys/" + key + "/dry-run",
                "{\"profileId\":\"" + profile + "\",\"start\":\"" + MONDAY_NOON + "\"}");
        var ordered = fixtures.api().post("/api/journeys/" + key + "/dry-run",
                "{\"profileId\":\"" + profile + "\",\"start\":\"" + MONDAY_NOON + "\",\"events\":[{\"event\":"
                        + "\"Order Completed\",\"at\":\"" + MONDAY_NOON.plus(Duration.ofHours(30)) + "\"}]}");

        assertThat(noOrder.status()).as(noOrder.body()).isEqualTo(200);
        JsonNode path = noOrder.json().get("path");
        assertThat(path.valueStream().map(visit -> visit.get("step").asString()))
                .containsExactly("wait-for-order", "wait-for-order", "remind", "done");
        JsonNode remind = path.get(2);
        assertThat(remind.get("at").asString()).isEqualTo(MONDAY_NOON.plus(Duration.ofHours(48)).toString());
        assertThat(remind.get("channel").asString()).isEqualTo("email");
        assertThat(remind.get("reasons").toString()).contains("sms skipped: no marketing consent for sms");
        assertThat(noOrder.json().get("outcome").asString()).isEqualTo("completed");
        assertThat(ordered.json().get("outcome").asString()).isEqualTo("converted");
        assertThat(fixtures.deliveries(profile).size()).isZero();
        JsonNode decisions = fixtures.api().get("/api/customers/" + profile + "/message-decisions").json();
        assertThat(decisions.get("items").size()).isZero();
        assertThat(decisions.has("next")).as("a cursor to a further page").isFalse();
        assertThat(fixtures.stats(key, 1).get("entered").asLong()).isZero();
    }

    @Test
    void analystsReadCountsButCannotChangeJourneys() {
        String analyst = new Admin(port).tokenFor("ANALYST");
        var api = io.throughline.support.Api.at(port).withToken(analyst);

        assertThat(api.get("/api/journeys").status()).isEqualTo(200);
        assertThat(api.post("/api/journeys", "{}").status()).isEqualTo(403);
    }
}
