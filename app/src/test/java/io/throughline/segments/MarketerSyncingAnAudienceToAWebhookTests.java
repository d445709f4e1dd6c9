package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A marketer syncs a segment to an advertising platform's webhook (a local HTTP server here): entries and exits
 * arrive signed with the sync's secret and hashed identifiers, a refused delivery is tried again, customers
 * without marketing consent are never sent, and the delivery log says what happened to each change.
 */
@PlatformTest
class MarketerSyncingAnAudienceToAWebhookTests {

    /** One request the receiver got. */
    record Received(String signature, String deliveryId, String body) {}

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Autowired
    Clock clock;

    HttpServer receiver;
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/audiences", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Throughline-Signature"),
                    exchange.getRequestHeaders().getFirst("Throughline-Delivery"),
                    new String(body, StandardCharsets.UTF_8)));
            // The platform is down for the first delivery it is sent.
            exchange.sendResponseHeaders(answered.getAndIncrement() == 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void entriesAndExitsArriveSignedAndHashedRetriedWhenRefusedAndOnlyForConsentingCustomers() throws Exception {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        String run = "sync-" + UUID.randomUUID();
        String key = SegmentFixtures.key("vip-sync");
        fixtures.create("""
                {"key": "%s", "name": "VIPs", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "vip", "op": "eq", "value": true}]}}""".formatted(key, run));
        work.evaluatePending();

        var refused = fixtures.api().put("/api/segments/" + key + "/sync", """
                {"url": "ftp://ads.example/audiences", "hashed": true}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        var saved = fixtures.api().put("/api/segments/" + key + "/sync", """
                {"url": "http://127.0.0.1:%d/audiences", "hashed": true}""".formatted(receiver.getAddress().getPort()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String secret = saved.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(fixtures.api().get("/api/segments/" + key + "/sync").json().has("secret")).isFalse();

        String agnesUser = SegmentFixtures.userId("agnes");
        String agnes = fixtures.customer(agnesUser, Map.of("test_run", run, "vip", true), "email");
        String bori = fixtures.customer(SegmentFixtures.userId("bori"), Map.of("test_run", run, "vip", true));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).containsAll(List.of(agnes, bori)));

        // Refused once, then taken: the same delivery twice, and nothing of the customer who did not consent. A
        // minute ahead is past the first retry but not past the lease of a delivery the worker is sending itself.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            work.deliverSyncs(clock.instant().plus(Duration.ofMinutes(1)));
            return received.size() >= 2;
        });
        assertThat(received).hasSize(2);
        assertThat(received.get(1).deliveryId()).isEqualTo(received.get(0).deliveryId());
        JsonNode entry = JsonMapper.shared().readTree(received.get(1).body());
        assertThat(entry.get("change").asString()).isEqualTo("entered");
        assertThat(entry.get("segment").get("key").asString()).isEqualTo(key);
        assertThat(entry.get("customer").get("id").asString()).isEqualTo(agnes);
        assertThat(entry.get("customer").get("email_sha256").asString())
                .isEqualTo(sha256(agnesUser.toLowerCase() + "@example.com"));
        assertThat(received.get(1).body()).doesNotContain("@example.com", bori);
        assertSigned(received.get(1), secret);

        setVip(fixtures, agnesUser, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            work.deliverSyncs(clock.instant().plus(Duration.ofMinutes(1)));
            return received.size() >= 3;
        });
        JsonNode exit = JsonMapper.shared().readTree(received.get(2).body());
        assertThat(exit.get("change").asString()).isEqualTo("exited");
        assertThat(exit.get("customer").get("id").asString()).isEqualTo(agnes);
        assertSigned(received.get(2), secret);

        JsonNode log = fixtures.api().get("/api/segments/" + key + "/sync/deliveries").json();
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.get(0).get("change").asString()).isEqualTo("EXITED");
        assertThat(log.get(0).get("state").asString()).isEqualTo("DELIVERED");
        JsonNode agnesEntry = deliveryOf(log, agnes, "ENTERED");
        assertThat(agnesEntry.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(agnesEntry.get("attempts").asInt()).isEqualTo(2);
        assertThat(agnesEntry.get("lastStatus").asInt()).isEqualTo(204);
        JsonNode boriEntry = deliveryOf(log, bori, "ENTERED");
        assertThat(boriEntry.get("state").asString()).isEqualTo("SKIPPED");
        assertThat(boriEntry.get("lastError").asString()).isEqualTo("no marketing consent");

        assertThat(fixtures.api().delete("/api/segments/" + key + "/sync").status()).isEqualTo(204);
        assertThat(fixtures.api().get("/api/segments/" + key + "/sync").status()).isEqualTo(404);
    }

    private static JsonNode deliveryOf(JsonNode log, String profile, String change) {
        return log.valueStream().filter(delivery -> delivery.get("profileId").asString().equals(profile)
                && delivery.get("change").asString().equals(change)).findFirst().orElseThrow();
    }

    private static void setVip(SegmentFixtures fixtures, String userId, boolean vip) {
        var identified = fixtures.web().send("identify", Api.json(Map.of("userId", userId, "traits",
                Map.of("vip", vip))));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
    }

    private static void assertSigned(Received request, String secret) throws Exception {
        String[] parts = request.signature().split(",");
        String t = parts[0].substring(2);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(parts[1]).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + request.body())
                .getBytes(StandardCharsets.UTF_8))));
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
