package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * p99 of "availability of one SKU for a channel" over HTTP at concurrent clients, where the channel sells from
 * 50 locations, while other clients keep reserving and releasing that SKU at random locations.
 */
public final class AvailabilityBenchmark {

    private static final String NAME = "availability";
    private static final String PROPERTY = "throughline.bench.availability.";
    private static final String SKU = "BENCH-AVAILABILITY-1";
    private static final String CHANNEL = "bench-web";
    private static final int STOCK_PER_LOCATION = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.net.http.HttpClient SETUP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** Every field is a {@code -Dthroughline.bench.availability.<name>} property. */
    record Settings(BenchEnvironment bench, int locations, int clients, int writers, Duration warmup,
            Duration duration) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "locations", 50),
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    BenchProperties.intCount(PROPERTY + "writers", 2),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "seconds", 60));
        }
    }

    private AvailabilityBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d locations, %d reading clients, %d reserving clients, warm-up %d s, measured %d s;"
                        + " machine %d cores, load average %s%n", NAME, settings.locations(), settings.clients(),
                settings.writers(), settings.warmup().toSeconds(), settings.duration().toSeconds(), Machine.cores(),
                Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME)) {
            long setupStarted = System.nanoTime();
            List<String> locations = setUp(platform.admin(), settings.locations());
            JsonNode check = platform.admin().get("/api/inventory/availability?channel=" + CHANNEL + "&sku=" + SKU);
            int expected = settings.locations() * (STOCK_PER_LOCATION - 1);
            Report.printf("%s: set up %d locations with stock through the API in %.1f s; check: available %d of %d,"
                            + " %d locations%n", NAME, locations.size(), (System.nanoTime() - setupStarted) / 1e9,
                    check.path("available").asInt(), expected, check.path("locations").size());
            if (check.path("locations").size() != settings.locations() || check.path("available").asInt() != expected) {
                throw new IllegalStateException("availability does not add up: " + check);
            }

            Phase warmup = phase(platform, settings, locations, settings.warmup());
            Report.printf("%s: warm-up %s%n", NAME, warmup.describe());
            Report.printf("%s: load average before the measured phase %s%n", NAME, Machine.loadAverage());
            CpuTimes before = CpuTimes.now(platform.process());
            Phase measured = phase(platform, settings, locations, settings.duration());
            CpuTimes after = CpuTimes.now(platform.process());
            Latencies latencies = measured.reads().latencies();
            Report.printf("%s: measured %s%n", NAME, measured.describe());
            // Per read, with the writers' reservations included: they are the background every read competes with.
            CpuTimes.PerOperation perRead = after.perOperation(before, measured.reads().operations());
            Report.printf("%s: CPU of the platform during the measured phase: %s; load average %s%n", NAME,
                    after.coresSince(before, measured.reads().wallNanos()), Machine.loadAverage());
            Report.printf("%s: CPU per read (reservations alongside included): %s%n", NAME, perRead.describe("read"));
            Report.printf(java.util.Locale.ROOT, "%s: p99_ms=%.1f requests_per_s=%.0f server_cpu_ms_per_op=%.3f%n", NAME,
                    latencies.percentileMillis(99), measured.reads().operationsPerSecond(), perRead.serverMillis());
        }
    }

    /** Both loads at once for the duration: readers of availability and writers of reservations. */
    private record Phase(Clients.Totals reads, Clients.Totals writes) {

        String describe() {
            return "%d reads in %.1f s = %.0f reads/s, %s, non-200: %s; %d reserve+release pairs = %.0f/s, %s, unexpected: %s"
                    .formatted(reads.operations(), reads.wallSeconds(), reads.operationsPerSecond(),
                            reads.latencies().summary(), reads.unexpectedSummary(), writes.operations(),
                            writes.operationsPerSecond(), writes.latencies().summary(), writes.unexpectedSummary());
        }
    }

    private static Phase phase(FreshPlatform platform, Settings settings, List<String> locations, Duration duration)
            throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AdminApi admin = platform.admin();
        AtomicLong references = new AtomicLong();
        var writes = new java.util.concurrent.CompletableFuture<Clients.Totals>();
        Thread writer = Thread.ofPlatform().name("reservations").start(() -> {
            try {
                writes.complete(Clients.run(settings.writers(), tally -> {
                    SplittableRandom random = new SplittableRandom(references.incrementAndGet());
                    while (System.nanoTime() < deadline) {
                        reserveAndRelease(platform, admin, locations.get(random.nextInt(locations.size())),
                                "bench-cart-" + references.incrementAndGet(), tally);
                    }
                }));
            } catch (Throwable failed) {
                writes.completeExceptionally(failed);
            }
        });
        String path = "/api/inventory/availability?channel=" + CHANNEL + "&sku=" + SKU;
        Clients.Totals reads = Clients.run(settings.clients(), tally -> {
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                int status = status(platform, admin.request(path).GET().build());
                if (status == 200) {
                    tally.succeeded(System.nanoTime() - started, 1);
                } else {
                    tally.unexpected(status);
                }
            }
        });
        writer.join();
        return new Phase(reads, writes.get());
    }

    /** A cart holds one unit and gives it back, as shoppers adding and removing a bottle do. */
    private static void reserveAndRelease(FreshPlatform platform, AdminApi admin, String location, String reference,
            Tally tally) throws InterruptedException {
        long started = System.nanoTime();
        try {
            HttpResponse<String> reserved = platform.http().send(admin.request("/api/inventory/reservations")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + SKU + "\",\"locationId\":\"" + location
                            + "\",\"quantity\":1,\"reference\":\"" + reference + "\",\"ttlSeconds\":60}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (reserved.statusCode() != 201) {
                tally.unexpected(reserved.statusCode());
                return;
            }
            String id = JSON.readTree(reserved.body()).path("id").asString();
            int released = status(platform, admin.request("/api/inventory/reservations/" + id + "/release")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (released == 200) {
                tally.succeeded(System.nanoTime() - started, 1);
            } else {
                tally.unexpected(released);
            }
        } catch (IOException transport) {
            tally.unexpected(Tally.TRANSPORT_ERROR);
        }
    }

    private static int status(FreshPlatform platform, HttpRequest request) throws InterruptedException {
        try {
            return platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }

    /** The SKU's product, the locations, a receipt at each and the channel's rule for each, all through the API. */
    private static List<String> setUp(AdminApi admin, int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        // Stock is kept only for SKUs the catalogue knows.
        send(admin.request("/api/catalog/products").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark wine\",\"variants\":[{\"sku\":\""
                        + SKU + "\"}]}")).build());
        for (int i = 0; i < count; i++) {
            String body = """
                    {"code":"bench-shop-%d","name":"Bench shop %d","kind":"SHOP",
                     "address":{"street":"Fő utca %d.","city":"Budapest","postalCode":"1011","country":"HU"},
                     "latitude":%.4f,"longitude":%.4f,
                     "openingHours":[{"day":"MONDAY","opens":"10:00","closes":"18:00"}],
                     "pickup":true,"shipFromStore":true}""";
            body = String.format(java.util.Locale.ROOT, body, i, i, i + 1, 46.0 + i * 0.05, 17.0 + i * 0.1);
            String id = send(admin.request("/api/inventory/locations").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build()).path("id").asString();
            send(admin.request("/api/inventory/movements").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + SKU + "\",\"locationId\":\"" + id
                            + "\",\"kind\":\"RECEIPT\",\"quantity\":" + STOCK_PER_LOCATION + "}")).build());
            send(admin.request("/api/inventory/channels/" + CHANNEL + "/locations/" + id)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"safetyStock\":1}")).build());
            ids.add(id);
        }
        return ids;
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = SETUP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
