package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform's request path costs, the figure every other benchmark can be read against: one trivial
 * handler (a constant, written as JSON) behind three doors of the same platform — {@code /api} with the admin
 * API token, {@code /v1} with the web source's write key, and a bare Spring MVC path with no security and no
 * observations — each at 16 clients with no pause. The doors take turns in short rounds, so that a change in
 * what else runs on the machine falls on all three alike; server CPU per request (platform JVM + PostgreSQL)
 * is summed per door over its rounds.
 */
public final class ApiOverheadBenchmark {

    private static final String NAME = "api-overhead";
    private static final String PROPERTY = "throughline.bench.api-overhead.";

    /** The platform's switch for the three doors; they do not exist without it. */
    private static final String PING_ENDPOINTS = "THROUGHLINE_BENCH_PING_ENDPOINTS";
    /** The platform's switch that observes /api and /v1 requests and Spring Security (off by default). */
    private static final String OBSERVE_API_REQUESTS = "THROUGHLINE_OBSERVABILITY_API_REQUESTS";

    enum Door {
        API("/api/bench/ping"), V1("/v1/bench/ping"), BARE("/bench/ping");

        final String path;

        Door(String path) {
            this.path = path;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every field is a {@code -Dthroughline.bench.api-overhead.<name>} property. */
    record Settings(BenchEnvironment bench, int clients, Duration warmup, Duration round, int rounds,
            boolean observeApiRequests) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "round-seconds", 10),
                    BenchProperties.intCount(PROPERTY + "rounds", 3),
                    Boolean.getBoolean(PROPERTY + "observe-api-requests"));
        }

        Map<String, String> platformEnvironment() {
            return Map.of(PING_ENDPOINTS, "true", OBSERVE_API_REQUESTS, Boolean.toString(observeApiRequests));
        }
    }

    /** One door's measured rounds together. */
    private static final class Tallied {
        long requests;
        long wallNanos;
        CpuTimes used = CpuTimes.NONE;
        final List<Latencies> latencies = new ArrayList<>();
        final Map<Integer, Long> unexpected = new TreeMap<>();

        void add(Clients.Totals totals, CpuTimes before, CpuTimes after) {
            used = used.plus(after.minus(before));
            requests += totals.operations();
            wallNanos += totals.wallNanos();
            latencies.add(totals.latencies());
            totals.unexpected().forEach((status, count) -> unexpected.merge(status, count, Long::sum));
        }

        CpuTimes.PerOperation perRequest() {
            return used.perOperation(CpuTimes.NONE, requests);
        }

        /** Server CPU per request in microseconds. */
        double serverMicros() {
            return perRequest().serverMillis() * 1000;
        }
    }

    private ApiOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: 3 doors, %d clients, warm-up %d s per door, %d rounds of %d s per door, /api and /v1"
                        + " requests %s; machine %d cores, load average %s%n", NAME, settings.clients(),
                settings.warmup().toSeconds(), settings.rounds(), settings.round().toSeconds(),
                settings.observeApiRequests() ? "observed" : "not observed", Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME, settings.platformEnvironment())) {
            check(platform);
            for (Door door : Door.values()) {
                Clients.Totals warmup = phase(platform, door, settings.clients(), settings.warmup());
                Report.printf("%s: warm-up %s: %d requests, %.0f/s, %s%n", NAME, door.label(), warmup.operations(),
                        warmup.operationsPerSecond(), warmup.latencies().summary());
            }
            Report.printf("%s: load average before the measured rounds %s%n", NAME, Machine.loadAverage());
            Map<Door, Tallied> tallies = new EnumMap<>(Door.class);
            for (int round = 0; round < settings.rounds(); round++) {
                for (Door door : Door.values()) {
                    CpuTimes before = CpuTimes.now(platform.process());
                    Clients.Totals totals = phase(platform, door, settings.clients(), settings.round());
                    CpuTimes after = CpuTimes.now(platform.process());
                    tallies.computeIfAbsent(door, d -> new Tallied()).add(totals, before, after);
                }
            }
            for (Door door : Door.values()) {
                Tallied tally = tallies.get(door);
                Latencies latencies = Latencies.merge(tally.latencies);
                Report.printf("%s: %s %s: %d requests in %.1f s = %.0f/s, %s, unexpected: %s; %s%n", NAME,
                        door.label(), door.path, tally.requests, tally.wallNanos / 1e9,
                        tally.requests / (tally.wallNanos / 1e9), latencies.summary(),
                        tally.unexpected.isEmpty() ? "none" : tally.unexpected,
                        tally.perRequest().describe("request"));
                if (!tally.unexpected.isEmpty()) {
                    throw new IllegalStateException(door.path + " did not always answer 200: " + tally.unexpected);
                }
            }
            double api = tallies.get(Door.API).serverMicros();
            double v1 = tallies.get(Door.V1).serverMicros();
            double bare = tallies.get(Door.BARE).serverMicros();
            Report.printf("%s: load average after the run %s%n", NAME, Machine.loadAverage());
            // The ratio is the dearer secured door's: the target holds only if both do.
            Report.printf(Locale.ROOT, "%s: api_cpu_us=%.0f v1_cpu_us=%.0f bare_cpu_us=%.0f ratio=%.2f%n", NAME,
                    api, v1, bare, Math.max(api, v1) / bare);
        }
    }

    /** Each door answers its own credential and, for the two secured ones, refuses a request without it. */
    private static void check(FreshPlatform platform) throws InterruptedException {
        for (Door door : Door.values()) {
            int status = status(platform, authorised(platform, door));
            if (status != 200) {
                throw new IllegalStateException(door.path + " answered " + status + " (is the platform started with"
                        + " THROUGHLINE_BENCH_PING_ENDPOINTS=true?)");
            }
        }
        for (Door door : List.of(Door.API, Door.V1)) {
            int status = status(platform, HttpRequest.newBuilder(platform.process().uri(door.path)).GET().build());
            if (status != 401) {
                throw new IllegalStateException(door.path + " without a credential answered " + status + ", not 401");
            }
        }
        Report.printf("%s: check: each door answers 200 with its credential, /api and /v1 401 without%n", NAME);
    }

    private static Clients.Totals phase(FreshPlatform platform, Door door, int clients, Duration duration)
            throws InterruptedException {
        HttpRequest request = authorised(platform, door);
        long deadline = System.nanoTime() + duration.toNanos();
        return Clients.run(clients, tally -> {
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                int status = status(platform, request);
                if (status == 200) {
                    tally.succeeded(System.nanoTime() - started, 1);
                } else {
                    tally.unexpected(status);
                }
            }
        });
    }

    private static HttpRequest authorised(FreshPlatform platform, Door door) {
        return switch (door) {
            case API -> platform.admin().request(door.path).GET().build();
            case V1 -> HttpRequest.newBuilder(platform.process().uri(door.path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (FreshPlatform.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)))
                    .GET().build();
            case BARE -> HttpRequest.newBuilder(platform.process().uri(door.path)).GET().build();
        };
    }

    /** The status; the body is read in full, as a real client would. */
    private static int status(FreshPlatform platform, HttpRequest request) throws InterruptedException {
        try {
            return platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }
}
