package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A channel sends values that JSON can spell but the platform cannot keep: a year beyond what PostgreSQL stores, a
 * clock correction that overflows, a number beyond a double, half a bottle. Each is refused on its own with its
 * reason; the rest of the batch is stored, and nothing is retried forever.
 */
@PlatformTest
class ChannelSendingImpossibleValuesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void timestampsOutsideWhatCanBeStoredAreRejectedEachWithItsReasonAndTheRestKept() {
        String userId = "time-" + UUID.randomUUID();

        var response = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("batch", """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Fine", "timestamp": "2026-12-07T10:00:00Z"},
                  {"type": "track", "userId": "%1$s", "event": "Far future", "timestamp": "+999999999-12-31T23:59:59Z"},
                  {"type": "track", "userId": "%1$s", "event": "Overflowing", "timestamp": "-999999999-01-01T00:00:00Z",
                   "sentAt": "+999999999-12-31T23:59:59Z"},
                  {"type": "track", "userId": "%1$s", "event": "Year 20000", "timestamp": "+20000-01-01T00:00:00Z"},
                  {"type": "track", "userId": "%1$s", "event": "Corrected too far", "timestamp": "0001-01-01T00:00:00Z",
                   "sentAt": "9999-01-01T00:00:00Z"}
                ]}""".formatted(userId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
        var rejected = response.json().get("rejected");
        assertThat(rejected.size()).isEqualTo(4);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("timestamp must be within the years 0001 to 9999");
        assertThat(rejected.get(3).get("reason").asString())
                .isEqualTo("timestamp corrected by sentAt falls outside the years 0001 to 9999");
        assertThat(stored(userId)).isEqualTo(1);
    }

    @Test
    void aNumberBeyondADoubleIsRejectedNamingItsFieldNotStoredAsInfinity() {
        String userId = "number-" + UUID.randomUUID();

        var response = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("batch", """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Fine", "properties": {"price": 12.5}},
                  {"type": "track", "userId": "%1$s", "event": "Huge", "properties": {"price": 1e999}},
                  {"type": "track", "userId": "%1$s", "event": "Huge too", "properties": {"lines": [{"q": -1e400}]}}
                ]}""".formatted(userId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rejected").get(0).get("reason").asString())
                .isEqualTo("properties.price is a number out of range");
        assertThat(response.json().get("rejected").get(1).get("reason").asString())
                .isEqualTo("properties.lines[0].q is a number out of range");
        assertThat(stored(userId)).isEqualTo(1);
    }

    @Test
    void halfABottleIsRefusedNotCutToNone() {
        var carts = new CartFixture(port);
        String sku = carts.product("Half bottle " + CartFixture.unique(), java.util.List.of("web"), "1000");
        String cart = carts.anonymousCart("web");

        var added = carts.api.post("/api/carts/" + cart + "/lines?channel=web",
                "{\"sku\":\"" + sku + "\",\"quantity\":1.5}");

        assertThat(added.status()).as(added.body()).isEqualTo(400);
        assertThat(added.contentType()).startsWith("application/problem+json");
        assertThat(added.body()).contains("quantity");
        assertThat(carts.view(cart, "web").get("lines").size()).isZero();
    }

    private long stored(String userId) {
        return jdbc.sql("SELECT count(*) FROM events.event WHERE payload ->> 'userId' = ?").param(userId)
                .query(Long.class).single();
    }
}
