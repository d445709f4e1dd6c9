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
 * Add-to-cart over HTTP at concurrent clients: every request locks the cart, checks the catalogue, picks the
 * location with most stock, writes an inventory reservation, re-quotes the whole cart with the demo brand's
 * promotions and queues a "Product Added" event. Each client fills carts of its own on the web channel and
 * closes a cart after {@code adds-per-cart} adds, so carts stay the size shoppers make them.
 */
public final class CartBenchmark {

    private static final String NAME = "cart";
    private static final String PROPERTY = "throughline.bench.cart.";
    private static final String CHANNEL = "web";
    private static final int STOCK = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.net.http.HttpClient SETUP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** Every field is a {@code -Dthroughline.bench.cart.<name>} property. */
    record Settings(BenchEnvironment bench, int skus, int clients, int addsPerCart, Duration warmup,
            Duration duration) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "skus", 50),
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    BenchProperties.intCount(PROPERTY + "adds-per-cart", 20),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "seconds", 60));
        }
    }

    private CartBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        System.out.printf("%s: %d SKUs, %d clients, %d adds per cart, warm-up %d s, measured %d s;"
                        + " machine %d cores, load average %s%n", NAME, settings.skus(), settings.clients(),
                settings.addsPerCart(), settings.warmup().toSeconds(), settings.duration().toSeconds(),
                Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME)) {
            long setupStarted = System.nanoTime();
            List<String> skus = setUp(platform.admin(), settings.skus());
            System.out.printf("%s: set up %d SKUs with stock and HUF prices through the API in %.1f s%n", NAME,
                    skus.size(), (System.nanoTime() - setupStarted) / 1e9);

            Clients.Totals warmup = phase(platform, settings, skus, settings.warmup());
            System.out.printf("%s: warm-up %s%n", NAME, describe(warmup));
            System.out.printf("%s: load average before the measured phase %s%n", NAME, Machine.loadAverage());
            CpuTimes before = CpuTimes.now(platform.process());
            Clients.Totals measured = phase(platform, settings, skus, settings.duration());
            CpuTimes after = CpuTimes.now(platform.process());
            System.out.printf("%s: measured %s%n", NAME, describe(measured));
            System.out.printf("%s: CPU of the platform during the measured phase: %s; load average %s%n", NAME,
                    after.coresSince(before, measured.wallNanos()), Machine.loadAverage());
            System.out.printf(java.util.Locale.ROOT, "%s: requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f%n", NAME,
                    measured.operationsPerSecond(), measured.latencies().percentileMillis(50),
                    measured.latencies().percentileMillis(99));
        }
    }

    private static String describe(Clients.Totals totals) {
        return "%d adds in %.1f s = %.0f adds/s, %s, non-200: %s".formatted(totals.operations(),
                totals.wallSeconds(), totals.operationsPerSecond(), totals.latencies().summary(),
                totals.unexpectedSummary());
    }

    private static Clients.Totals phase(FreshPlatform platform, Settings settings, List<String> skus,
            Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AdminApi admin = platform.admin();
        AtomicLong shoppers = new AtomicLong();
        return Clients.run(settings.clients(), tally -> {
            long shopper = shoppers.incrementAndGet();
            SplittableRandom random = new SplittableRandom(shopper * 7919 + System.nanoTime());
            while (System.nanoTime() < deadline) {
                String cart = openCart(platform, admin, "bench-shopper-" + shopper + "-" + System.nanoTime());
                if (cart == null) {
                    tally.unexpected(Tally.TRANSPORT_ERROR);
                    continue;
                }
                for (int add = 0; add < settings.addsPerCart() && System.nanoTime() < deadline; add++) {
                    String sku = skus.get(random.nextInt(skus.size()));
                    long started = System.nanoTime();
                    int status = status(platform, admin.request("/api/carts/" + cart + "/lines?channel=" + CHANNEL)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
                            .build());
                    if (status == 200) {
                        tally.succeeded(System.nanoTime() - started, 1);
                    } else {
                        tally.unexpected(status);
                    }
                }
                // Closing gives the stock back, so that the holds of a long run stay bounded; not measured.
                status(platform, admin.request("/api/carts/" + cart + "/close?channel=" + CHANNEL)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
            }
        });
    }

    private static String openCart(FreshPlatform platform, AdminApi admin, String anonymousId)
            throws InterruptedException {
        try {
            HttpResponse<String> opened = platform.http().send(admin.request("/api/carts?channel=" + CHANNEL)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"anonymousId\":\"" + anonymousId
                            + "\",\"currency\":\"HUF\"}")).build(), HttpResponse.BodyHandlers.ofString());
            return opened.statusCode() == 201 ? JSON.readTree(opened.body()).path("id").asString() : null;
        } catch (IOException transport) {
            return null;
        }
    }

    private static int status(FreshPlatform platform, HttpRequest request) throws InterruptedException {
        try {
            return platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }

    /**
     * SKUs of the benchmark's own, sold on the web, stocked at the demo warehouse and priced in HUF, so the demo
     * brand's HUF promotions (spend more, save more; free delivery) apply to the carts.
     */
    private static List<String> setUp(AdminApi admin, int count) throws IOException, InterruptedException {
        String warehouse = null;
        for (JsonNode location : admin.get("/api/inventory/locations?size=200").path("items")) {
            if (location.path("code").asString().equals("warehouse-tokaj")) {
                warehouse = location.path("id").asString();
            }
        }
        if (warehouse == null) {
            throw new IllegalStateException("the demo warehouse is missing: was the demo brand loaded?");
        }
        List<String> skus = new ArrayList<>();
        StringBuilder prices = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String sku = "BENCH-CART-" + i;
            post(admin, "/api/catalog/products", """
                    {"name":"Bench Furmint %d","assortment":[{"channel":"web","from":"2020-01-01T00:00:00Z"}],
                     "variants":[{"sku":"%s"}]}""".formatted(i, sku));
            post(admin, "/api/inventory/movements", """
                    {"sku":"%s","locationId":"%s","kind":"RECEIPT","quantity":%d}""".formatted(sku, warehouse, STOCK));
            prices.append(prices.isEmpty() ? "" : ",").append("{\"sku\":\"%s\",\"price\":\"%d\"}"
                    .formatted(sku, 2_990 + 100 * i));
            skus.add(sku);
        }
        String list = post(admin, "/api/pricing/price-lists",
                "{\"name\":\"Bench cart prices\",\"currency\":\"HUF\",\"channels\":[],\"priority\":10}")
                .path("id").asString();
        send(admin.request("/api/pricing/price-lists/" + list + "/prices").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"prices\":[" + prices + "]}")).build());
        return skus;
    }

    private static JsonNode post(AdminApi admin, String path, String body) throws IOException, InterruptedException {
        return send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
