package io.throughline.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One customer's export and erasure over HTTP, one after the other, on a platform seeded directly with many
 * profiles and events (the profile-read benchmark's seeding): {@code GET /api/privacy/customers/{id}/export} then
 * {@code DELETE /api/privacy/customers/{id}} for profiles chosen at random, each timed from request to answer.
 */
public final class ErasureBenchmark {

    private static final String NAME = "erasure";
    private static final String PROPERTY = "throughline.bench.erasure.";

    record Settings(BenchEnvironment bench, int profiles, long events, int customers, int seedConnections) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "profiles", 1_000_000),
                    BenchProperties.count(PROPERTY + "events", 20_000_000),
                    BenchProperties.intCount(PROPERTY + "customers", 20),
                    BenchProperties.intCount(PROPERTY + "seed-connections", 2));
        }
    }

    private ErasureBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d profiles, %d events, %d customers exported and erased; machine %d cores, load average %s%n",
                NAME, settings.profiles(), settings.events(), settings.customers(), Machine.cores(),
                Machine.loadAverage());
        long seed = ThreadLocalRandom.current().nextLong();
        JsonMapper json = JsonMapper.builder().build();
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME);
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            Report.println(NAME + ": PostgreSQL " + Postgres.requireDurable(sampling));
            long started = System.nanoTime();
            ProfileSeeder.Seeded seeded = new ProfileSeeder(platform.postgresPort(), settings.profiles(),
                    settings.seedConnections(), seed).seed(settings.events());
            Report.printf("%s: seeding took %.1f s; database %s%n", NAME, (System.nanoTime() - started) / 1e9,
                    Postgres.text(sampling, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            UUID[] ids = seeded.profileIds();
            Latencies exports = new Latencies();
            Latencies erasures = new Latencies();
            long exportedBytes = 0;
            long erasedEvents = 0;
            long erasedRows = 0;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < settings.customers(); i++) {
                UUID profile = ids[random.nextInt(ids.length)];
                long t0 = System.nanoTime();
                HttpResponse<byte[]> export = platform.http().send(platform.admin()
                        .request("/api/privacy/customers/" + profile + "/export").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long t1 = System.nanoTime();
                expect(export.statusCode(), "export", profile, new String(export.body()));
                HttpResponse<String> erase = platform.http().send(platform.admin()
                        .request("/api/privacy/customers/" + profile + "?requestReference=bench-" + i)
                        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
                long t2 = System.nanoTime();
                expect(erase.statusCode(), "erasure", profile, erase.body());
                exports.add(t1 - t0);
                erasures.add(t2 - t1);
                exportedBytes += export.body().length;
                JsonNode receipt = json.readTree(erase.body());
                for (JsonNode table : receipt.get("tables")) {
                    if (!"KEEP".equals(table.get("action").asString())) {
                        erasedRows += table.get("rows").asLong();
                    }
                    if ("events.event".equals(table.get("table").asString())) {
                        erasedEvents += table.get("rows").asLong();
                    }
                }
                Report.printf("%s: customer %d: export %.1f ms (%d bytes), erasure %.1f ms%n", NAME, i + 1,
                        (t1 - t0) / 1e6, export.body().length, (t2 - t1) / 1e6);
            }
            if (erasedEvents == 0) {
                throw new IllegalStateException("the erasures removed no events: the seeding or the registry is wrong");
            }
            Report.printf("%s: %d customers: %d rows erased or anonymised (%d events), %d bytes exported%n", NAME,
                    settings.customers(), erasedRows, erasedEvents, exportedBytes);
            exports = Latencies.merge(java.util.List.of(exports));
            erasures = Latencies.merge(java.util.List.of(erasures));
            Report.printf("%s: export %s; erasure %s; load average %s%n", NAME, exports.summary(), erasures.summary(),
                    Machine.loadAverage());
            Report.printf(Locale.ROOT, "%s: erasure_p50_ms=%.1f erasure_max_ms=%.1f export_p50_ms=%.1f export_max_ms=%.1f%n",
                    NAME, erasures.percentileMillis(50), erasures.percentileMillis(100), exports.percentileMillis(50),
                    exports.percentileMillis(100));
        }
    }

    private static void expect(int status, String what, UUID profile, String body) {
        if (status != 200) {
            throw new IllegalStateException(what + " of " + profile + " answered " + status + ": " + body);
        }
    }
}
