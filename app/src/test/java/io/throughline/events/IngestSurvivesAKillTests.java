package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.KillablePlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
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
    @AutoClose
    private KillablePlatform platform;

    @Test
    void acknowledgedEventsSurviveSigkillExactlyOnceAndProcessorsCatchUp() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-write-key=" + WRITE_KEY);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        platform.load(CLIENTS, (client, loading) -> sendUntilStopped(client, loading, acknowledged));
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 3_000);
        platform.killWithDatabase();

        platform.restart();

        try (Connection db = platform.database()) {
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

    private void sendUntilStopped(int client, BooleanSupplier loading, Set<String> acknowledged) {
        String basic = Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        for (int batch = 0; loading.getAsBoolean(); batch++) {
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
                var request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/batch"))
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

    private boolean processorsCaughtUp(Connection db) throws Exception {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT coalesce(max(seq), 0) FROM events.event),
                               (SELECT min(seq) FROM events.processor_offset)""")) {
            rs.next();
            return rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
        }
    }
}
