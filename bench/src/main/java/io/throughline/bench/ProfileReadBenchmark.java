package io.throughline.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * p50/p99 of "get profile + first timeline page" over HTTP at concurrent clients, on a platform whose tables
 * were seeded directly with many profiles and events.
 */
public final class ProfileReadBenchmark {

    private static final String NAME = "profile-read";
    private static final String PROPERTY = "throughline.bench.profile-read.";

    /** What to seed and how to read; every field is a {@code -Dthroughline.bench.profile-read.<name>} property. */
    record Settings(BenchEnvironment bench, int profiles, long events, int clients, Duration warmup, Duration duration,
            int seedConnections) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "profiles", 1_000_000),
                    BenchProperties.count(PROPERTY + "events", 20_000_000),
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 15),
                    BenchProperties.seconds(PROPERTY + "seconds", 60),
                    BenchProperties.intCount(PROPERTY + "seed-connections", 2));
        }
    }

    private ProfileReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d profiles, %d events, %d clients, warm-up %d s, measured %d s; machine %d cores,"
                        + " load average %s%n", NAME, settings.profiles(), settings.events(), settings.clients(),
                settings.warmup().toSeconds(), settings.duration().toSeconds(),
                Machine.cores(), Machine.loadAverage());
        long seed = ThreadLocalRandom.current().nextLong();
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME);
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            Report.println(NAME + ": PostgreSQL " + Postgres.requireDurable(sampling));
            ProfileSeeder.Seeded seeded = seed(settings, platform, sampling, seed);
            Report.printf("%s: seeding took %.1f s (profiles %.1f s, events %.1f s, ANALYZE %.1f s); %s%n", NAME,
                    seeded.total().toMillis() / 1e3, seeded.profilesTook().toMillis() / 1e3,
                    seeded.eventsTook().toMillis() / 1e3, seeded.analyzeTook().toMillis() / 1e3, sizes(sampling));
            checkOneProfile(platform.admin(), seeded.profileIds()[seeded.profileIds().length / 2]);

            ProfileReadLoad load = new ProfileReadLoad(platform.http(), platform.admin(), seeded.profileIds(),
                    settings.clients(), seed);
            Clients.Totals warmup = load.run(settings.warmup());
            Report.printf("%s: warm-up %d pairs in %.1f s, %s%n", NAME, warmup.operations(), warmup.wallSeconds(),
                    warmup.latencies().summary());

            Report.printf("%s: load average before the measured phase %s%n", NAME, Machine.loadAverage());
            CpuTimes before = CpuTimes.now(platform.process());
            DatabaseActivity databaseBefore = DatabaseActivity.now(sampling);
            Clients.Totals measured;
            // Request threads are virtual and invisible to Thread.print, so only the database side is sampled.
            LoadSampler sampler = LoadSampler.start(sampling, null);
            try {
                measured = load.run(settings.duration());
            } finally {
                sampler.close();
            }
            CpuTimes after = CpuTimes.now(platform.process());
            String databaseWork = DatabaseActivity.now(sampling).since(databaseBefore, measured.operations(), "pair");
            report(measured, sampler, after.coresSince(before, measured.wallNanos()),
                    after.perOperation(before, measured.operations()), databaseWork);
        }
    }

    /** Seeds, and shows where the seeding's time went, since its duration decides the default size. */
    private static ProfileSeeder.Seeded seed(Settings settings, FreshPlatform platform, Connection sampling, long seed)
            throws Exception {
        CpuTimes before = CpuTimes.now(platform.process());
        long started = System.nanoTime();
        LoadSampler sampler = LoadSampler.start(sampling, null);
        try {
            return new ProfileSeeder(platform.postgresPort(), settings.profiles(), settings.seedConnections(), seed)
                    .seed(settings.events());
        } finally {
            sampler.close();
            Report.printf("%s: CPU while seeding: %s; PostgreSQL sessions while seeding:%n", NAME,
                    CpuTimes.now(platform.process()).coresSince(before, System.nanoTime() - started));
            sampler.sessionReport().forEach(line -> Report.println(NAME + ":   " + line));
        }
    }

    private static void report(Clients.Totals measured, LoadSampler sampler, String cpu, CpuTimes.PerOperation perPair,
            String databaseWork) {
        Latencies latencies = measured.latencies();
        Report.printf("%s: measured %d pairs in %.1f s = %.0f pairs/s; pair latency %s%n", NAME,
                measured.operations(), measured.wallSeconds(), measured.operationsPerSecond(), latencies.summary());
        Report.printf("%s: non-200 answers: %s%n", NAME, measured.unexpectedSummary());
        Report.printf("%s: CPU during the measured phase: %s; load average %s%n", NAME, cpu,
                Machine.loadAverage());
        Report.printf("%s: CPU per pair: %s%n", NAME, perPair.describe("pair"));
        Report.printf("%s: database work during the measured phase: %s%n", NAME, databaseWork);
        Report.println(NAME + ": PostgreSQL sessions, average number per sample in each state:");
        sampler.sessionReport().forEach(line -> Report.println(NAME + ":   " + line));
        Report.printf(java.util.Locale.ROOT, "%s: p50_ms=%.1f p99_ms=%.1f requests_per_s=%.0f server_cpu_ms_per_op=%.3f%n",
                NAME, latencies.percentileMillis(50), latencies.percentileMillis(99), measured.operationsPerSecond(),
                perPair.serverMillis());
    }

    /** The seeded profile must come back with its identifiers, and its timeline must hold a full page. */
    private static void checkOneProfile(AdminApi admin, UUID profile) throws Exception {
        JsonNode overview = admin.get("/api/customers/" + profile);
        JsonNode timeline = admin.get("/api/customers/" + profile + "/timeline?limit=25");
        int identities = overview.path("identities").size();
        int items = timeline.path("items").size();
        Report.printf("%s: check: profile %s has %d identities, %d channels, a first timeline page of %d events%n",
                NAME, profile, identities, overview.path("channels").size(), items);
        if (identities == 0) {
            throw new IllegalStateException("a seeded profile came back without identities: " + overview);
        }
    }

    private static String sizes(Connection connection) throws java.sql.SQLException {
        return "database %s, events.event %s with indexes".formatted(
                Postgres.text(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))"),
                Postgres.text(connection, "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits "
                        + "WHERE inhparent = 'events.event'::regclass"));
    }
}
