package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * One million journey timers due at the same moment. The instances and their timers are written straight into
 * the journeys schema in one transaction (entering a million customers through the API would measure the API),
 * due at once when it commits; the platform's pollers then fire them, each moving its instance from a one-hour
 * wait to the exit. Throughput is the million over the time from the commit to the last instance completed;
 * lateness is each instance's completion ({@code ended_at}, the firing batch's moment) after the commit.
 */
public final class TimersBenchmark {

    private static final String NAME = "timers";
    private static final String PROPERTY = "throughline.bench.timers.";

    private TimersBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(BenchEnvironment.fromSystemProperties(NAME),
                BenchProperties.intCount(PROPERTY + "count", 1_000_000)));
    }

    private static void run(BenchEnvironment bench, int timers) throws Exception {
        Report.printf("%s: %d timers due at one moment; machine %d cores, load average %s%n", NAME, timers,
                Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(bench, NAME);
                Connection db = Postgres.connect(platform.postgresPort())) {
            HttpResponse<String> created = platform.http().send(platform.admin().request("/api/journeys")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"key": "bench-timers", "name": "Bench timers", "trigger": {"api": true},
                             "reentry": "always", "start": "wait",
                             "steps": {"wait": {"type": "wait", "duration": "1h", "next": "done"},
                                       "done": {"type": "exit"}}}""")).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("the journey was refused: " + created.body());
            }
            String profile = platform.admin().get("/api/customers?size=1").path("items").path(0).path("id").asString();

            long started = System.nanoTime();
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.execute("""
                        CREATE TEMPORARY TABLE bench_instance ON COMMIT DROP AS
                        SELECT gen_random_uuid() AS id FROM generate_series(1, %d)""".formatted(timers));
                statement.execute("""
                        INSERT INTO journeys.instance (id, journey_key, version, profile_id, state, step, stage,
                                                       waiting_for, data, entered_at, updated_at)
                        SELECT id, 'bench-timers', 1, '%s', 'ACTIVE', 'wait', 1, NULL, '{}', now(), now()
                        FROM bench_instance""".formatted(profile));
                statement.execute("""
                        INSERT INTO journeys.step_count (journey_key, version, step, entered, left_step)
                        VALUES ('bench-timers', 1, 'wait', %d, 0)""".formatted(timers));
                statement.execute("""
                        INSERT INTO journeys.timer (id, instance_id, stage, kind, due_at)
                        SELECT gen_random_uuid(), id, 1, 'WAIT', now() FROM bench_instance""");
            }
            db.commit();
            long committed = System.nanoTime();
            CpuTimes firingStarted = CpuTimes.now(platform.process());
            java.time.Instant committedAt = java.time.Instant.now();
            db.setAutoCommit(true);
            Report.printf("%s: wrote %d instances and timers in %.1f s; they are all due%n", NAME, timers,
                    (committed - started) / 1e9);

            long deadline = committed + Duration.ofMinutes(30).toNanos();
            long pending;
            // Only the benchmark's own: the demo brand's journeys keep timers of their own (a review request waits
            // two days after each picked-up demo order).
            while ((pending = Postgres.number(db, """
                    SELECT count(*) FROM journeys.timer t JOIN journeys.instance i ON i.id = t.instance_id
                    WHERE i.journey_key = 'bench-timers'""")) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(pending + " timers still pending after 30 minutes");
                }
                Thread.sleep(500);
            }
            // From the commit to the last instance completed (within the 500 ms poll): the pollers' work per timer.
            CpuTimes.PerOperation perTimer = CpuTimes.now(platform.process()).perOperation(firingStarted, timers);
            long completed = Postgres.number(db,
                    "SELECT count(*) FROM journeys.instance WHERE journey_key = 'bench-timers' AND state = 'COMPLETED'");
            double seconds;
            double p50;
            double p99;
            try (Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT extract(epoch FROM max(ended_at) - '%1$s'::timestamptz),
                                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - '%1$s'::timestamptz)),
                                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - '%1$s'::timestamptz))
                            FROM journeys.instance WHERE journey_key = 'bench-timers'""".formatted(committedAt))) {
                rs.next();
                seconds = rs.getDouble(1);
                p50 = rs.getDouble(2) * 1000;
                p99 = rs.getDouble(3) * 1000;
            }
            Report.printf("%s: %d instances completed, last %.1f s after the commit; lateness p50 %.0f ms;"
                    + " load average %s%n", NAME, completed, seconds, p50, Machine.loadAverage());
            Report.printf("%s: CPU per timer fired: %s%n", NAME, perTimer.describe("timer"));
            if (completed != timers) {
                throw new IllegalStateException((timers - completed) + " instances did not complete exactly once");
            }
            Report.printf(Locale.ROOT, "%s: fired_per_s=%.0f lateness_p99_ms=%.0f server_cpu_ms_per_op=%.4f%n", NAME,
                    timers / seconds, p99, perTimer.serverMillis());
        } catch (IOException failed) {
            throw new IllegalStateException("the platform did not answer: " + failed.getMessage());
        }
    }
}
