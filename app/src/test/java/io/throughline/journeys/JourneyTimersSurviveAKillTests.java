package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path workDirectory;
    private Process platform;
    private int httpPort;
    private int postgresPort;

    @AfterEach
    void cleanUp() throws Exception {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            platform.waitFor();
        }
        if (workDirectory != null) {
            try (var files = Files.walk(workDirectory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    @Test
    void timersDueWhenThePlatformIsKilledFireExactlyOnceAfterTheRestart() throws Exception {
        workDirectory = Files.createTempDirectory("throughline-journey-kill");
        httpPort = freePort();
        postgresPort = freePort();
        platform = start();
        awaitReady();
        Api api = Api.at(httpPort).withToken(TOKEN);
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
        killPlatformAndDatabase();

        platform = start();
        awaitReady();
        await().atMost(Duration.ofSeconds(60)).until(() -> step(api, "done").get("in").asLong() >= ENTRIES);
        assertThat(step(api, "wait").get("in").asLong()).isEqualTo(ENTRIES);
        assertThat(step(api, "wait").get("out").asLong()).isEqualTo(ENTRIES);
        assertThat(step(api, "done").get("in").asLong()).isEqualTo(ENTRIES);
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "");
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

    private void killPlatformAndDatabase() throws Exception {
        platform.destroyForcibly().waitFor();
        Path pidFile = workDirectory.resolve("data/pg/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postmaster).map(process -> !process.isAlive()).orElse(true));
    }

    private Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.throughline.ThroughlineApplication", "--server.port=" + httpPort,
                "--throughline.embedded-postgres.port=" + postgresPort,
                "--throughline.embedded-postgres.data-directory=" + workDirectory.resolve("data/pg"),
                "--throughline.demo.customers=5", "--throughline.demo.history=false",
                "--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.admin-password=kill-test-password",
                "--throughline.journeys.timer-batch=2", "--throughline.journeys.timer-threads=2",
                "--logging.level.root=WARN")
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve("platform.log").toFile()))
                .start();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
