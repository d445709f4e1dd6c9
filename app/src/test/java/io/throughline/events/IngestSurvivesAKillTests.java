package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The platform runs as a child process under ingest load and is killed with SIGKILL, PostgreSQL with it.
 * After a restart on the same data, every event that had been acknowledged is there exactly once, and the
 * processors catch up with the log.
 */
class IngestSurvivesAKillTests {

    private static final String WRITE_KEY = "wk_kill_test_0123456789";
    private static final int CLIENTS = 6;

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
    void acknowledgedEventsSurviveSigkillExactlyOnceAndProcessorsCatchUp() throws Exception {
        workDirectory = Files.createTempDirectory("throughline-kill");
        httpPort = freePort();
        postgresPort = freePort();
        platform = start();
        awaitReady();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.add(Thread.ofPlatform().start(() -> sendUntilStopped(id, loading, acknowledged)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 3_000);
        killPlatformAndDatabase();
        loading.set(false);
        for (Thread client : clients) {
            client.join();
        }

        platform = start();
        awaitReady();

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "")) {
            List<String> ids = new ArrayList<>(acknowledged);
            try (PreparedStatement count = db.prepareStatement("""
                    SELECT count(*), count(DISTINCT message_id) FROM events.event WHERE message_id = ANY(?)""")) {
                count.setArray(1, db.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(2)).as("acknowledged events present").isEqualTo(ids.size());
                    assertThat(rs.getLong(1)).as("each exactly once").isEqualTo(ids.size());
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> processorsCaughtUp(db));
        }
    }

    private void sendUntilStopped(int client, AtomicBoolean loading, Set<String> acknowledged) {
        String basic = Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        for (int batch = 0; loading.get(); batch++) {
            List<String> messageIds = new ArrayList<>();
            StringBuilder body = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < 50; i++) {
                String messageId = "kill-" + client + "-" + batch + "-" + i;
                messageIds.add(messageId);
                body.append(i == 0 ? "" : ",").append(i % 10 == 0
                        ? "{\"type\":\"identify\",\"userId\":\"u" + (batch * 7 + i) % 500 + "\",\"anonymousId\":\"a"
                                + (batch * 13 + i) % 2000 + "\",\"traits\":{\"plan\":\"p" + batch + "\"}"
                        : "{\"type\":\"track\",\"anonymousId\":\"a" + (batch * 13 + i) % 2000 + "\",\"event\":\"Tap\"")
                        .append(",\"messageId\":\"").append(messageId).append("\"}");
            }
            body.append("]}");
            try {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/v1/batch"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    acknowledged.addAll(messageIds);
                }
            } catch (IOException connectionLost) {
                // The platform was killed mid-request: this batch was never acknowledged.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void killPlatformAndDatabase() throws Exception {
        platform.destroyForcibly().waitFor();
        Path pidFile = workDirectory.resolve("data/pg/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postmaster).map(process -> !process.isAlive()).orElse(true));
    }

    private boolean processorsCaughtUp(Connection db) throws Exception {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT coalesce(max(seq), 0) FROM events.event),
                               (SELECT min(seq) FROM events.processor_offset)""")) {
            rs.next();
            return rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
        }
    }

    private Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.throughline.ThroughlineApplication", "--server.port=" + httpPort,
                "--throughline.embedded-postgres.port=" + postgresPort,
                "--throughline.embedded-postgres.data-directory=" + workDirectory.resolve("data/pg"),
                "--throughline.demo.customers=5", "--throughline.demo.history=false",
                "--throughline.bootstrap-write-key=" + WRITE_KEY,
                "--throughline.admin-password=kill-test-password",
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
