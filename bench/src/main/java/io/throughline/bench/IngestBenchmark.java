package io.throughline.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sustained end-to-end ingest through {@code POST /v1/batch} (HTTP, JSON, identity resolution, de-duplication,
 * durable group commit) from concurrent clients, and in the same run the reference: a raw durable COPY of as
 * many equivalent rows into the same PostgreSQL.
 */
public final class IngestBenchmark {

    private static final String NAME = "ingest";
    private static final String PROPERTY = "throughline.bench.ingest.";
    private static final Duration PROCESSOR_CATCH_UP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);

    /** What to send; every field is a {@code -Dthroughline.bench.ingest.<name>} property. */
    record Settings(BenchEnvironment bench, long events, int clients, int batchSize, int profiles, long warmupEvents,
            int copyCommitRows, Duration stackInterval) {

        static Settings fromSystemProperties() {
            long events = BenchProperties.count(PROPERTY + "events", 2_000_000);
            int batchSize = BenchProperties.intCount(PROPERTY + "batch-size", 50);
            if (events < 2L * batchSize || batchSize < 1) {
                throw new IllegalStateException("events must be at least two batches of batch-size");
            }
            return new Settings(BenchEnvironment.fromSystemProperties(NAME), events,
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    batchSize,
                    BenchProperties.intCount(PROPERTY + "profiles", 100_000),
                    BenchProperties.count(PROPERTY + "warmup-events", Math.min(100_000, events / 10)),
                    BenchProperties.intCount(PROPERTY + "copy-commit-rows", 5_000),
                    Duration.ofMillis(BenchProperties.count(PROPERTY + "stack-sample-ms", 3_000)));
        }

        long batches() {
            return events / batchSize;
        }

        long warmupBatches() {
            return Math.max(1, Math.min(batches() - 1, warmupEvents / batchSize));
        }
    }

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (IllegalStateException e) {
            Report.failure(NAME + ": FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            run(settings);
        } catch (IllegalStateException | SQLException e) {
            Report.failure(NAME + ": FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d events in %d-event batches from %d clients, %d profiles, warm-up %d events;"
                        + " machine %d cores, load average %s%n", NAME, settings.batches() * settings.batchSize(),
                settings.batchSize(), settings.clients(), settings.profiles(),
                settings.warmupBatches() * settings.batchSize(), Machine.cores(), Machine.loadAverage());
        EventMix mix = new EventMix(new Shoppers(settings.profiles()));
        long seed = ThreadLocalRandom.current().nextLong();
        String runId = Long.toString(seed & 0xFFFFFFL, 36);
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME);
                Connection database = Postgres.connect(platform.postgresPort());
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            Report.println(NAME + ": PostgreSQL " + Postgres.requireDurable(database));
            UUID web = platform.admin().sourceId("web");
            platform.admin().setEventsPerSecond(web, 1_000_000);
            IngestLoad load = new IngestLoad(platform.http(), platform.process().uri("/v1/batch"), FreshPlatform.WRITE_KEY,
                    mix, settings.clients(), settings.batchSize(), "b-" + runId + "-", seed);

            Clients.Totals warmup = load.send(0, settings.warmupBatches());
            Report.printf("%s: warm-up %d events in %.1f s (%.0f events/s), batch latency %s, non-2xx: %s%n", NAME,
                    warmup.items(), warmup.wallSeconds(), warmup.itemsPerSecond(), warmup.latencies().summary(),
                    warmup.unexpectedSummary());

            Measured run = measure(settings, platform, load, sampling, database);
            Clients.Totals measured = run.totals();
            long acknowledged = warmup.items() + measured.items();
            Duration catchUp = awaitProcessors(database);
            Report.printf("%s: processors caught up %.1f s after the last acknowledgement%n", NAME,
                    catchUp.toMillis() / 1e3);
            verifyStored(database, "b-" + runId + "-", acknowledged);

            long rows = settings.batches() * settings.batchSize();
            Report.printf("%s: reference: COPY of %d equivalent rows, commit every %d rows...%n", NAME, rows,
                    settings.copyCommitRows());
            DatabaseActivity beforeCopy = DatabaseActivity.now(database);
            CopyReference.Result copy = CopyReference.run(database, mix, rows, settings.copyCommitRows(), web, "web", seed);
            Report.printf("%s: reference: %d rows in %.1f s = %.0f rows/s%n", NAME, copy.rows(), copy.nanos() / 1e9,
                    copy.rowsPerSecond());
            Report.printf("%s: reference: database work: %s%n", NAME,
                    DatabaseActivity.now(database).since(beforeCopy, rows, "row"));

            double eventsPerSecond = measured.itemsPerSecond();
            Report.printf("%s: load average after the run %s%n", NAME, Machine.loadAverage());
            Report.printf(java.util.Locale.ROOT,
                    "%s: events_per_s=%.0f p99_batch_ms=%.1f copy_events_per_s=%.0f ratio=%.2f server_cpu_ms_per_op=%.4f%n",
                    NAME, eventsPerSecond, measured.latencies().percentileMillis(99), copy.rowsPerSecond(),
                    eventsPerSecond / copy.rowsPerSecond(), run.perEvent().serverMillis());
        }
    }

    /** The measured phase's totals and its CPU per acknowledged event. */
    private record Measured(Clients.Totals totals, CpuTimes.PerOperation perEvent) {}

    /** The measured phase, with samples of where the writer's and the database's time goes, and CPU per process. */
    private static Measured measure(Settings settings, FreshPlatform platform, IngestLoad load, Connection sampling,
            Connection database) throws Exception {
        CpuTimes before = CpuTimes.now(platform.process());
        DatabaseActivity databaseBefore = DatabaseActivity.now(database);
        Clients.Totals measured;
        LoadSampler sampler = LoadSampler.start(sampling, settings.stackInterval().isZero() ? null
                : new LoadSampler.ThreadTarget(settings.bench().jcmd(), platform.process().pid(), "event-log-writer",
                        settings.stackInterval()));
        Thread progress = progressReporter(load);
        try {
            measured = load.send(settings.warmupBatches(), settings.batches());
        } finally {
            progress.interrupt();
            sampler.close();
        }
        CpuTimes after = CpuTimes.now(platform.process());
        String databaseWork = DatabaseActivity.now(database).since(databaseBefore, measured.items(), "event");
        Report.printf("%s: measured %d events (%d duplicates) in %d batches in %.1f s = %.0f events/s%n", NAME,
                measured.items(), measured.duplicates(), measured.operations(), measured.wallSeconds(),
                measured.itemsPerSecond());
        Report.printf("%s: batch latency %s%n", NAME, measured.latencies().summary());
        Report.printf("%s: non-2xx answers (retried after Retry-After): %s%n", NAME, measured.unexpectedSummary());
        // The processors' work on these events that is still queued when the load ends is not in this figure.
        CpuTimes.PerOperation perEvent = after.perOperation(before, measured.items());
        Report.printf("%s: CPU during the measured phase: %s%n", NAME, after.coresSince(before, measured.wallNanos()));
        Report.printf("%s: CPU per event: %s%n", NAME, perEvent.describe("event"));
        Report.printf("%s: database work during the measured phase (processors included): %s%n", NAME, databaseWork);
        Report.println(NAME + ": the log writer thread (event-log-writer), sampled with jcmd Thread.print:");
        sampler.threadReport().forEach(line -> Report.println(NAME + ":   " + line));
        Report.println(NAME + ": PostgreSQL sessions, average number per sample in each state:");
        sampler.sessionReport().forEach(line -> Report.println(NAME + ":   " + line));
        return new Measured(measured, perEvent);
    }

    private static Thread progressReporter(IngestLoad load) {
        return Thread.ofPlatform().daemon().name("progress").start(() -> {
            long last = load.acknowledged();
            long lastAt = System.nanoTime();
            while (true) {
                try {
                    Thread.sleep(PROGRESS_INTERVAL);
                } catch (InterruptedException stopped) {
                    return;
                }
                long now = System.nanoTime();
                long acknowledged = load.acknowledged();
                Report.printf("%s: progress: %d events acknowledged, %.0f events/s over the last %d s, load average %s%n",
                        NAME, acknowledged, (acknowledged - last) / ((now - lastAt) / 1e9), PROGRESS_INTERVAL.toSeconds(),
                        Machine.loadAverage());
                last = acknowledged;
                lastAt = now;
            }
        });
    }

    /** Waits until every processor's offset has reached the end of the log, so the reference runs on a quiet database. */
    private static Duration awaitProcessors(Connection database) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + PROCESSOR_CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long behind = Postgres.number(database, """
                    SELECT coalesce((SELECT max(seq) FROM events.event), 0)
                         - coalesce((SELECT min(seq) FROM events.processor_offset), 0)""");
            if (behind <= 0) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("processors still behind after " + PROCESSOR_CATCH_UP_TIMEOUT.toMinutes() + " min");
    }

    /** Every acknowledged event must be in the log, exactly once. */
    private static void verifyStored(Connection database, String messageIdPrefix, long acknowledged) throws SQLException {
        String mine = "FROM events.event WHERE message_id LIKE '" + messageIdPrefix + "%'";
        long rows = Postgres.number(database, "SELECT count(*) " + mine);
        long distinct = Postgres.number(database, "SELECT count(DISTINCT message_id) " + mine);
        long total = Postgres.number(database, "SELECT count(*) FROM events.event");
        long merges = Postgres.number(database, "SELECT count(*) FROM customers.merge");
        long profiles = Postgres.number(database, "SELECT count(*) FROM customers.profile WHERE merged_into IS NULL");
        Report.printf("%s: stored: events.event holds %d rows (%d of this run, %d distinct message ids) for %d"
                        + " acknowledged events; %d live profiles, %d merges%n", NAME, total, rows, distinct,
                acknowledged, profiles, merges);
        if (rows < acknowledged || distinct != rows) {
            throw new IllegalStateException("the log holds " + rows + " rows (" + distinct + " distinct) for "
                    + acknowledged + " acknowledged events");
        }
    }
}
