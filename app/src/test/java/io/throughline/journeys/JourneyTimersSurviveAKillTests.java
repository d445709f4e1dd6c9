package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.KillablePlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform runs as a child process with four hundred timers due at once, firing two per transaction, and
 * is killed with SIGKILL, PostgreSQL with it, while it fires them. After a restart on the same data every
 * timer has fired exactly once: each instance has left the wait once, and no timer is left.
 */
class JourneyTimersSurviveAKillTests {

    private static final String TOKEN = "tl_kill_test_token_0123456789";
    private static final int ENTRIES = 400;

    @AutoClose
    private KillablePlatform platform;

    @Test
    void timersDueWhenThePlatformIsKilledFireExactlyOnceAfterTheRestart() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.journeys.timer-batch=2", "--throughline.journeys.timer-threads=2");
        Api api = platform.api(TOKEN);
        var created = api.post("/api/journeys", """
                {"key": "kill", "name": "Kill", "trigger": {"api": true}, "reentry": "always", "start": "wait",
                 "steps": {"wait": {"type": "wait", "duration": "15s", "next": "done"}, "done": {"type": "exit"}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/journeys/kill/activate", "").status()).isEqualTo(200);
        String profile = api.get("/api/customers?size=1").json().get("items").get(0).get("id").asString();
        for (int i = 0; i < ENTRIES; i++) {
            var entered = api.post("/api/journeys/kill/entries", "{\"profileId\":\"" + profile + "\"}");
            assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> step(api, "wait").get("out").asLong() > 0);
        platform.killWithDatabase();

        platform.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> step(api, "done").get("in").asLong() >= ENTRIES);
        assertThat(step(api, "wait").get("in").asLong()).isEqualTo(ENTRIES);
        assertThat(step(api, "wait").get("out").asLong()).isEqualTo(ENTRIES);
        assertThat(step(api, "done").get("in").asLong()).isEqualTo(ENTRIES);
        try (Connection db = platform.database();
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM journeys.timer),
                               (SELECT count(*) FROM journeys.instance
                                WHERE journey_key = 'kill' AND state = 'COMPLETED' AND stage = 1)""")) {
            rs.next();
            assertThat(rs.getLong(1)).as("timers left").isZero();
            assertThat(rs.getLong(2)).as("instances that waited once and completed").isEqualTo(ENTRIES);
        }
    }

    private static JsonNode step(Api api, String step) {
        for (JsonNode count : api.get("/api/journeys/kill/versions/1/stats").json().get("steps")) {
            if (count.get("step").asString().equals(step)) {
                return count;
            }
        }
        throw new AssertionError("No step " + step);
    }
}
