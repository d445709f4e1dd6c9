package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.KillablePlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The platform runs as a child process while the analytics processor works through 3,000 orders of 300 customers,
 * two log positions a batch, and is killed with SIGKILL, PostgreSQL with it, half way. After a restart on the same
 * data the rollups hold exactly what a run never interrupted would: every order once, every touch counted once.
 */
class RollupsSurviveAKillTests {

    private static final String TOKEN = "tl_kill_rollup_token_0123456789";
    private static final String WRITE_KEY = "wk_kill_rollup_0123456789";
    private static final int CUSTOMERS = 300;
    private static final int ORDERS_EACH = 10;

    @AutoClose
    private KillablePlatform platform;

    @Test
    void rollupsRebuiltAfterAKillEqualThoseOfARunNeverInterrupted() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.bootstrap-write-key=" + WRITE_KEY, "--throughline.events.processor-batch=2");
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        Instant start = Instant.parse("2018-06-01T10:00:00Z");
        long expectedRevenue = 0;
        for (int customer = 0; customer < CUSTOMERS; customer++) {
            List<String> batch = new ArrayList<>();
            for (int order = 0; order < ORDERS_EACH; order++) {
                long amount = 1000 + customer * 7L + order;
                expectedRevenue += amount * 100;
                batch.add(Api.json(Map.of("type", "track", "anonymousId", "kill-" + customer,
                        "event", "Order Completed", "timestamp", start.plus(Duration.ofHours(customer * 24L + order))
                                .toString(),
                        "properties", Map.of("order_id", "kill-" + customer + "-" + order, "revenue", amount,
                                "currency", "EUR"))));
            }
            var sent = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/batch"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + String.join(",", batch) + "]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                .until(() -> orderFacts()[0] > 0);
        long[] midway = orderFacts();
        platform.killWithDatabase();
        assertThat(midway[0]).as("killed half way").isLessThan(CUSTOMERS * ORDERS_EACH);

        platform.restart();
        long expectedRevenueTotal = expectedRevenue;
        await().atMost(Duration.ofSeconds(120))
                .until(() -> orderFacts()[0] == CUSTOMERS * ORDERS_EACH && orderFacts()[2] == CUSTOMERS * ORDERS_EACH);
        long[] after = orderFacts();
        assertThat(after[1]).as("revenue").isEqualTo(expectedRevenueTotal);
        Api api = platform.api(TOKEN);
        var orders = api.get("/api/analytics/kpis/orders?from=2018-06-01&to=2019-06-01&currency=EUR").json();
        assertThat(orders.get("value").asLong()).isEqualTo(CUSTOMERS * ORDERS_EACH);
    }

    /** Order facts, their revenue, and the "Order Completed" touches counted, of the killed customers. */
    private long[] orderFacts() throws Exception {
        try (Connection db = platform.database();
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM analytics.order_fact WHERE order_key LIKE 'kill-%'),
                               (SELECT coalesce(sum(total_minor), 0) FROM analytics.order_fact
                                WHERE order_key LIKE 'kill-%' AND currency = 'EUR'),
                               (SELECT coalesce(sum(events), 0) FROM analytics.touch
                                WHERE name = 'Order Completed' AND day < '2019-06-01')""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
