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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The platform runs as a child process while the analytics processor works through 3,000 orders of 300 customers,
 * two log positions a batch, and is killed with SIGKILL, PostgreSQL with it, half way. After a restart on the same
 * data the rollups hold exactly what a run never interrupted would: every order once, every touch counted once.
 * The brand's time zone is Budapest's, so the same platform shows days and months counted as the brand lives them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupsSurviveAKillTests {

    private static final String TOKEN = "tl_kill_rollup_token_0123456789";
    private static final String WRITE_KEY = "wk_kill_rollup_0123456789";
    private static final int CUSTOMERS = 300;
    private static final int ORDERS_EACH = 10;

    private static final String BASIC = Base64.getEncoder()
            .encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    @AutoClose
    private KillablePlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startInBudapest() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.bootstrap-write-key=" + WRITE_KEY, "--throughline.events.processor-batch=2",
                "--throughline.analytics.time-zone=Europe/Budapest");
    }

    @Test
    void rollupsRebuiltAfterAKillEqualThoseOfARunNeverInterrupted() throws Exception {
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
            send(batch);
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

    /**
     * Half an hour either side of midnight in Budapest (CEST, UTC+2) on 31 May 2017: Zsófia views a page at 00:10 and
     * orders at 00:30 on 1 June, Bence orders at 23:30 on 31 May. In UTC all three happened on 31 May.
     */
    @Test
    void daysAndMonthsAreTheBrandsNotUtcs() throws Exception {
        send(List.of(
                Api.json(Map.of("type", "page", "anonymousId", "midnight-zsofia", "name", "Wines",
                        "timestamp", "2017-05-31T22:10:00Z")),
                Api.json(Map.of("type", "track", "anonymousId", "midnight-zsofia", "event", "Order Completed",
                        "timestamp", "2017-05-31T22:30:00Z", "properties", Map.of("order_id", "midnight-z",
                                "revenue", 500, "currency", "CZK"))),
                Api.json(Map.of("type", "track", "anonymousId", "midnight-bence", "event", "Order Completed",
                        "timestamp", "2017-05-31T21:30:00Z", "properties", Map.of("order_id", "midnight-b",
                                "revenue", 300, "currency", "CZK")))));
        Api api = platform.api(TOKEN);
        String firstOfJune = "from=2017-06-01&to=2017-06-02&currency=CZK";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/analytics/kpis/orders?from=2017-05-31&to=2017-06-02&currency=CZK").json()
                        .get("value").asLong() == 2);

        assertThat(api.get("/api/analytics/kpis/orders?" + firstOfJune).json().get("value").asLong()).isEqualTo(1);
        assertThat(api.get("/api/analytics/kpis/revenue?" + firstOfJune).json().get("value").asLong())
                .isEqualTo(50_000);
        JsonNode sales = api.get("/api/analytics/sales?from=2017-05-01&to=2017-07-01&currency=CZK").json();
        assertThat(sales.valueStream().map(row -> row.get("month").asString() + ":" + row.get("orders")).toList())
                .containsExactly("2017-05:1", "2017-06:1");
        JsonNode cohorts = api.get("/api/analytics/cohorts?from=2017-05-01&to=2017-07-01&currency=CZK").json()
                .get("cohorts");
        assertThat(cohorts.valueStream().map(cohort -> cohort.get("key").asString()).toList())
                .containsExactly("2017-05", "2017-06");
        // Her page view and her order share the brand's day, so the day's conversion is hers alone.
        try (Connection db = platform.database();
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT string_agg(day || ' ' || name, ', ' ORDER BY day, name) FROM analytics.touch
                        WHERE first_at >= '2017-05-31T21:00:00Z' AND first_at < '2017-05-31T23:00:00Z'
                          AND name IN ('Wines', 'Order Completed')""")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2017-05-31 Order Completed, 2017-06-01 Order Completed,"
                    + " 2017-06-01 Wines");
        }
        JsonNode conversion = api.get("/api/analytics/kpis/conversion-rate?" + firstOfJune).json();
        assertThat(conversion.get("numerator").asLong()).isEqualTo(1);
        assertThat(conversion.get("denominator").asLong()).isEqualTo(1);
    }

    private void send(List<String> batch) throws Exception {
        var sent = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/batch"))
                .header("Authorization", "Basic " + BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + String.join(",", batch) + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
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
                                WHERE name = 'Order Completed' AND day >= '2018-01-01' AND day < '2019-06-01')""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
