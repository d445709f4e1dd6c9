package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A channel sends events as the Segment HTTP Tracking API defines them, and finds them on the customer. */
@PlatformTest
class SegmentCollectionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void trackWithBasicAuthIsAcknowledgedAndLandsOnTheProfile() {
        String anonymousId = "anon-" + UUID.randomUUID();

        var response = web().send("track", """
                {"anonymousId": "%s", "event": "Product Viewed", "properties": {"name": "Tokaji Aszú"}}"""
                .formatted(anonymousId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        JsonNode timeline = timelineOf("anonymous_id:" + anonymousId);
        assertThat(timeline.get("items").get(0).get("label").asString()).isEqualTo("Product Viewed");
        assertThat(timeline.get("items").get(0).get("channel").asString()).isEqualTo("web");
    }

    @Test
    void writeKeyInTheBodyAndTrailingSlashAreAccepted() {
        String userId = "user-" + UUID.randomUUID();

        var response = web().sendUnauthenticated("identify/", """
                {"writeKey": "%s", "userId": "%s", "traits": {"email": "body.key@example.com"}}"""
                .formatted(PlatformTest.WEB_WRITE_KEY, userId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(timelineOf("user_id:" + userId).get("items").get(0).get("type").asString()).isEqualTo("identify");
    }

    @Test
    void everyEndpointOfTheSpecIsServed() {
        String userId = "spec-" + UUID.randomUUID();
        assertThat(web().send("page", "{\"userId\":\"" + userId + "\",\"name\":\"Home\"}").status()).isEqualTo(200);
        assertThat(web().send("screen", "{\"userId\":\"" + userId + "\",\"name\":\"Cellar\"}").status()).isEqualTo(200);
        assertThat(web().send("group", "{\"userId\":\"" + userId + "\",\"groupId\":\"wine-club\"}").status())
                .isEqualTo(200);
        assertThat(web().send("alias", "{\"userId\":\"" + userId + "\",\"previousId\":\"old-" + userId + "\"}")
                .status()).isEqualTo(200);
        assertThat(web().send("import", "{\"batch\":[{\"type\":\"track\",\"userId\":\"" + userId
                + "\",\"event\":\"Imported\"}]}").status()).isEqualTo(200);

        assertThat(timelineOf("user_id:" + userId).get("items").valueStream().map(item -> item.get("type").asString()))
                .containsExactlyInAnyOrder("page", "screen", "group", "alias", "track");
    }

    @Test
    void batchStoresTheValidItemsAndReportsEachRejectedOne() {
        String userId = "batch-" + UUID.randomUUID();

        var response = web().send("batch", """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Cart Viewed"},
                  {"type": "track", "userId": "%1$s"},
                  {"type": "page", "name": "no one"},
                  {"type": "shout", "userId": "%1$s"},
                  {"type": "page", "userId": "%1$s", "name": "Checkout"}
                ]}""".formatted(userId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(response.json().get("rejected").valueStream()
                .map(rejected -> rejected.get("index").asInt() + ": " + rejected.get("reason").asString()))
                .containsExactly("1: track needs event, the name of what happened",
                        "2: userId or anonymousId is required",
                        "3: type must be one of identify, track, page, screen, group, alias");
        assertThat(timelineOf("user_id:" + userId).get("items").size()).isEqualTo(2);
    }

    @Test
    void anEventPostgresqlCannotStoreIsRejectedAloneAndTheRestKept() {
        String userId = "nul-" + UUID.randomUUID();

        var response = web().send("batch", """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Fine"},
                  {"type": "track", "userId": "%1$s", "event": "Broken", "properties": {"note": "a\\u0000b"}}
                ]}""".formatted(userId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(timelineOf("user_id:" + userId).get("items").get(0).get("label").asString()).isEqualTo("Fine");
    }

    @Test
    void browsersOnTheBrandsSitesMayPostEvents() {
        Api api = Api.at(port);
        var preflight = api.send(api.request("/v1/track").header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
    }

    @Test
    void aRetriedEventIsStoredOnceAndAcknowledgedAgain() {
        String userId = "retry-" + UUID.randomUUID();
        String event = "{\"userId\":\"" + userId + "\",\"event\":\"Order Completed\",\"messageId\":\"msg-" + userId + "\"}";

        var first = web().send("track", event);
        var retry = web().send("track", event);

        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM events.event WHERE message_id = ?").param("msg-" + userId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesAreStoredOnce() {
        String messageId = "dup-" + UUID.randomUUID();
        String event = "{\"anonymousId\":\"" + messageId + "\",\"event\":\"Tapped\",\"messageId\":\"" + messageId + "\"}";

        var statuses = IntStream.range(0, 20).parallel().mapToObj(i -> web().send("track", event).status())
                .collect(Collectors.toList());

        assertThat(statuses).containsOnly(200);
        assertThat(jdbc.sql("SELECT count(*) FROM events.event WHERE message_id = ?").param(messageId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void clientClockSkewIsCorrected() {
        String userId = "skew-" + UUID.randomUUID();
        // The device's clock runs an hour fast: it says it sent at 11:00 what happened at 10:59.
        Instant deviceHappened = Instant.parse("2030-01-01T10:59:00Z");
        Instant deviceSent = Instant.parse("2030-01-01T11:00:00Z");

        var before = Instant.now();
        web().send("track", """
                {"userId": "%s", "event": "Skewed", "timestamp": "%s", "sentAt": "%s"}"""
                .formatted(userId, deviceHappened, deviceSent));

        Instant stored = Instant.parse(timelineOf("user_id:" + userId).get("items").get(0).get("occurredAt").asString());
        assertThat(stored).isBetween(before.minusSeconds(61), Instant.now().minusSeconds(59));
    }

    @Test
    void batchContextIsMergedIntoEachItem() {
        String userId = "ctx-" + UUID.randomUUID();

        web().send("batch", """
                {"context": {"app": {"name": "Tokaj"}, "locale": "hu-HU"},
                 "batch": [{"type": "track", "userId": "%s", "event": "Opened", "context": {"locale": "pl-PL"}}]}"""
                .formatted(userId));

        JsonNode stored = timelineOf("user_id:" + userId).get("items").get(0).get("event");
        assertThat(stored.get("context").get("app").get("name").asString()).isEqualTo("Tokaj");
        assertThat(stored.get("context").get("locale").asString()).isEqualTo("pl-PL");
    }

    @Test
    void aMissingOrRevokedWriteKeyIsRefused() {
        var source = admin().post("/api/sources", """
                {"name": "Kiosk %1$s", "channel": "kiosk-%1$s", "channelType": "KIOSK"}"""
                .formatted(Long.toString(System.nanoTime(), 36))).json();
        var key = admin().post("/api/sources/" + source.get("id").asString() + "/write-keys", "").json();
        var kiosk = new Collector(port, key.get("writeKey").asString());
        assertThat(kiosk.send("track", "{\"anonymousId\":\"k1\",\"event\":\"Touched\"}").status()).isEqualTo(200);

        admin().delete("/api/sources/" + source.get("id").asString() + "/write-keys/" + key.get("id").asString());

        var refused = kiosk.send("track", "{\"anonymousId\":\"k1\",\"event\":\"Touched\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(web().sendUnauthenticated("track", "{\"anonymousId\":\"k1\",\"event\":\"Touched\"}").status())
                .isEqualTo(401);
    }

    @Test
    void unparseableOrOversizedRequestsAreA400() {
        var unparseable = web().send("track", "{\"anonymousId\": ");
        var oversized = web().send("track", "{\"anonymousId\":\"a\",\"event\":\"Big\",\"properties\":{\"x\":\""
                + "x".repeat(520 * 1024) + "\"}}");
        var eventTooLarge = web().send("batch", "{\"batch\":[{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"E\","
                + "\"properties\":{\"x\":\"" + "x".repeat(40 * 1024) + "\"}}]}");
        var tooManyEvents = web().send("batch", "{\"batch\":[" + IntStream.range(0, 2_501)
                .mapToObj(i -> "{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"E\"}")
                .collect(Collectors.joining(",")) + "]}");

        for (var response : java.util.List.of(unparseable, oversized, eventTooLarge, tooManyEvents)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(oversized.json().get("detail").asString()).contains("500 KB");
        assertThat(tooManyEvents.json().get("detail").asString()).contains("2500");
    }

    @Test
    void aSourceOverItsRateIsToldToRetryLater() {
        var source = admin().post("/api/sources", """
                {"name": "Slow till %1$s", "channel": "till-%1$s", "channelType": "STORE", "eventsPerSecond": 1}"""
                .formatted(Long.toString(System.nanoTime(), 36))).json();
        var key = admin().post("/api/sources/" + source.get("id").asString() + "/write-keys", "").json();
        var till = new Collector(port, key.get("writeKey").asString());
        String batch = "{\"batch\":[" + IntStream.range(0, 2_000)
                .mapToObj(i -> "{\"type\":\"track\",\"anonymousId\":\"t\",\"event\":\"Scan\"}")
                .collect(Collectors.joining(",")) + "]}";

        assertThat(till.send("batch", batch).status()).isEqualTo(200);
        var limited = till.send("batch", batch);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    private JsonNode timelineOf(String identity) {
        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/customers?identity=" + identity)
                .json().get("totalItems").asInt() == 1);
        String id = admin().get("/api/customers?identity=" + identity).json().get("items").get(0).get("id").asString();
        return admin().get("/api/customers/" + id + "/timeline").json();
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }

    private Api admin() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
