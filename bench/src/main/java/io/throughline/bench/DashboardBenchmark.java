package io.throughline.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The shared dashboard's answer time at scale: the analytics rollups of a running platform are filled directly
 * (touches standing for the events, order facts for the orders, spread over the last year), then every KPI over 30
 * days is read by concurrent clients as the dashboard does, and a 5-step funnel and all eight attribution models over
 * 90 days are timed. The last line is {@code dashboard: p99_ms=… funnel_ms=… attribution_ms=… server_cpu_ms_per_op=…},
 * the CPU of the platform and PostgreSQL per dashboard read.
 */
public final class DashboardBenchmark {

    private static final String NAME = "dashboard";
    private static final String PROPERTY = "throughline.bench.dashboard.";

    /** What to seed and how to read; every field is a {@code -Dthroughline.bench.dashboard.<name>} property. */
    record Settings(BenchEnvironment bench, int profiles, long events, long orders, int clients, Duration warmup,
            Duration duration, int slowRuns) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "profiles", 1_000_000),
                    BenchProperties.count(PROPERTY + "events", 20_000_000),
                    BenchProperties.count(PROPERTY + "orders", 1_000_000),
                    BenchProperties.intCount(PROPERTY + "clients", 4),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "seconds", 60),
                    BenchProperties.intCount(PROPERTY + "slow-runs", 3));
        }
    }

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d profiles, %d events, %d orders, %d clients, warm-up %d s, measured %d s; machine %d cores,"
                        + " load average %s%n", NAME, settings.profiles(), settings.events(), settings.orders(),
                settings.clients(), settings.warmup().toSeconds(), settings.duration().toSeconds(), Machine.cores(),
                Machine.loadAverage());
        // No demo brand: the figures read are the seeded rollups', and loading the brand slows the start past the wait.
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME,
                java.util.Map.of("THROUGHLINE_DEMO_LOAD_ON_START", "false"));
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            Report.println(NAME + ": PostgreSQL " + Postgres.requireDurable(sampling));
            long started = System.nanoTime();
            seed(sampling, settings);
            Report.printf("%s: seeding took %.1f s; analytics.touch %d rows, analytics.order_fact %d rows, %s%n", NAME,
                    (System.nanoTime() - started) / 1e9, Postgres.number(sampling, "SELECT count(*) FROM analytics.touch"),
                    Postgres.number(sampling, "SELECT count(*) FROM analytics.order_fact"),
                    Postgres.text(sampling, "SELECT pg_size_pretty(pg_database_size(current_database()))"));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String dashboard = "/api/analytics/kpis?from=" + today.minusDays(30) + "&to=" + today.plusDays(1);
            String quarter = "from=" + today.minusDays(90) + "&to=" + today.plusDays(1);
            // The first read fits the lifetime-value models of the day (kept for the day after): timed on its own.
            slowest(platform, 1, "first dashboard read",
                    platform.admin().request(dashboard).timeout(Duration.ofMinutes(30)).GET().build());
            Clients.Totals warmup = readDashboard(platform, dashboard, settings.clients(), settings.warmup());
            Report.printf("%s: warm-up %d reads, %s%n", NAME, warmup.operations(), warmup.latencies().summary());

            CpuTimes before = CpuTimes.now(platform.process());
            Clients.Totals measured = readDashboard(platform, dashboard, settings.clients(), settings.duration());
            CpuTimes after = CpuTimes.now(platform.process());
            CpuTimes.PerOperation perRead = after.perOperation(before, measured.operations());
            Report.printf("%s: measured %d dashboard reads in %.1f s = %.2f reads/s; latency %s; non-200: %s%n", NAME,
                    measured.operations(), measured.wallSeconds(), measured.operationsPerSecond(),
                    measured.latencies().summary(), measured.unexpectedSummary());
            Report.printf("%s: CPU per dashboard read: %s; load average %s%n", NAME, perRead.describe("read"),
                    Machine.loadAverage());

            String funnel = """
                    {"from": "%s", "to": "%s", "steps": [{"event": "Product Viewed"},
                     {"event": "Product Added", "windowHours": 72}, {"event": "Checkout Started", "windowHours": 72},
                     {"event": "Order Completed", "windowHours": 72}, {"event": "Message Opened", "windowHours": 720}]}"""
                    .formatted(today.minusDays(90), today.plusDays(1));
            double funnelMillis = slowest(platform, settings.slowRuns(), "funnel",
                    platform.admin().request("/api/analytics/funnels").header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(funnel)).build());
            double attributionMillis = slowest(platform, settings.slowRuns(), "attribution",
                    platform.admin().request("/api/analytics/attribution?" + quarter + "&lookbackDays=30")
                            .timeout(Duration.ofMinutes(5)).GET().build());
            Report.printf(Locale.ROOT, "%s: p99_ms=%.1f funnel_ms=%.0f attribution_ms=%.0f server_cpu_ms_per_op=%.3f%n",
                    NAME, measured.latencies().percentileMillis(99), funnelMillis, attributionMillis,
                    perRead.serverMillis());
        }
    }

    private static Clients.Totals readDashboard(FreshPlatform platform, String path, int clients, Duration duration)
            throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        HttpRequest request = platform.admin().request(path).timeout(Duration.ofMinutes(10)).GET().build();
        return Clients.run(clients, tally -> {
            while (System.nanoTime() < until) {
                long started = System.nanoTime();
                HttpResponse<Void> answer = platform.http().send(request, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    tally.succeeded(System.nanoTime() - started, 1);
                } else {
                    tally.unexpected(answer.statusCode());
                }
            }
        });
    }

    /** The slowest of a few runs of a heavy read, each after the one before; fails on anything but 200. */
    private static double slowest(FreshPlatform platform, int runs, String what, HttpRequest request)
            throws Exception {
        double slowest = 0;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = platform.http().send(request, HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
            }
            Report.printf(Locale.ROOT, "%s: %s run %d took %.0f ms (%d bytes)%n", NAME, what, run + 1, millis,
                    answer.body().length());
            slowest = Math.max(slowest, millis);
        }
        return slowest;
    }

    /**
     * Fills the rollups in server-side statements, a chunk a transaction: each touch row stands for one to three events
     * of a customer, day, channel and name; orders go to customers spread over the profiles. Ids are derived from
     * numbers so that the same settings seed the same rows.
     */
    private static void seed(Connection connection, Settings settings) throws Exception {
        long touches = settings.events() / 2;
        long chunk = 1_000_000;
        for (long first = 0; first < touches; first += chunk) {
            long last = Math.min(touches, first + chunk) - 1;
            Postgres.execute(connection, """
                    INSERT INTO analytics.touch (profile_id, day, channel, name, first_at, events)
                    SELECT md5('p' || (i %% %1$d))::uuid, t::date,
                           (ARRAY['web', 'app', 'shop-budapest', 'email'])[1 + (i / 7) %% 4],
                           (ARRAY['Product Viewed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Wines',
                                  'Message Sent', 'Message Opened', 'Message Clicked'])[1 + (i / 3) %% 8],
                           t, 1 + (i %% 3)
                    FROM generate_series(%2$d, %3$d) AS i,
                         LATERAL (SELECT now() - ((hashint8(i) & 2147483647) %% 31536000) * interval '1 second' AS t) x
                    ON CONFLICT DO NOTHING""".formatted(settings.profiles(), first, last));
            Report.printf("%s: seeded %d of %d touch rows%n", NAME, last + 1, touches);
        }
        for (long first = 0; first < settings.orders(); first += chunk) {
            long last = Math.min(settings.orders(), first + chunk) - 1;
            Postgres.execute(connection, """
                    INSERT INTO analytics.order_fact
                        (order_key, profile_id, channel, occurred_at, total_minor, currency, country)
                    SELECT 'bench-' || i, md5('p' || ((i * 7919) %% %1$d))::uuid,
                           (ARRAY['web', 'app', 'shop-budapest'])[1 + i %% 3],
                           now() - ((hashint8(i + 1) & 2147483647) %% 31536000) * interval '1 second',
                           100000 + (hashint8(i + 2) & 2147483647) %% 3000000, 'HUF', 'HU'
                    FROM generate_series(%2$d, %3$d) AS i
                    ON CONFLICT DO NOTHING""".formatted(settings.profiles(), first, last));
            Report.printf("%s: seeded %d of %d orders%n", NAME, last + 1, settings.orders());
        }
        // Each order is also the customer's "Order Completed" touch, as the processor would have kept it.
        Postgres.execute(connection, """
                INSERT INTO analytics.touch (profile_id, day, channel, name, first_at, events)
                SELECT profile_id, occurred_at::date, channel, 'Order Completed', min(occurred_at), count(*)
                FROM analytics.order_fact WHERE order_key LIKE 'bench-%'
                GROUP BY 1, 2, 3
                ON CONFLICT (profile_id, day, channel, name) DO UPDATE
                SET events = analytics.touch.events + excluded.events""");
        Postgres.execute(connection, "ANALYZE analytics.touch");
        Postgres.execute(connection, "ANALYZE analytics.order_fact");
    }
}
