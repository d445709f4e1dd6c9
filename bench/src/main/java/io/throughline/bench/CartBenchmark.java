package io.throughline.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Add-to-cart over HTTP at concurrent clients: every request locks the cart, checks the catalogue, picks the
 * location with most stock, writes an inventory reservation, re-quotes the whole cart with the demo brand's
 * promotions and queues a "Product Added" event. Each client fills carts of its own on the web channel and
 * closes a cart after {@code adds-per-cart} adds, so carts stay the size shoppers make them.
 */
public final class CartBenchmark {

    private static final String NAME = "cart";
    private static final String PROPERTY = "throughline.bench.cart.";

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
        Report.printf("%s: %d SKUs, %d clients, %d adds per cart, warm-up %d s, measured %d s;"
                        + " machine %d cores, load average %s%n", NAME, settings.skus(), settings.clients(),
                settings.addsPerCart(), settings.warmup().toSeconds(), settings.duration().toSeconds(),
                Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME)) {
            long setupStarted = System.nanoTime();
            List<String> skus = BenchShop.products(platform.admin(), "BENCH-CART-", "Bench Furmint",
                    settings.skus(), 2_990, "Bench cart prices");
            Report.printf("%s: set up %d SKUs with stock and HUF prices through the API in %.1f s%n", NAME,
                    skus.size(), (System.nanoTime() - setupStarted) / 1e9);

            Clients.Totals warmup = phase(platform, settings, skus, settings.warmup());
            Report.printf("%s: warm-up %s%n", NAME, describe(warmup));
            Report.printf("%s: load average before the measured phase %s%n", NAME, Machine.loadAverage());
            CpuTimes before = CpuTimes.now(platform.process());
            Clients.Totals measured = phase(platform, settings, skus, settings.duration());
            CpuTimes after = CpuTimes.now(platform.process());
            Report.printf("%s: measured %s%n", NAME, describe(measured));
            CpuTimes.PerOperation perAdd = after.perOperation(before, measured.operations());
            Report.printf("%s: CPU of the platform during the measured phase: %s; load average %s%n", NAME,
                    after.coresSince(before, measured.wallNanos()), Machine.loadAverage());
            Report.printf("%s: CPU per add: %s%n", NAME, perAdd.describe("add"));
            Report.printf(java.util.Locale.ROOT, "%s: requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f server_cpu_ms_per_op=%.3f%n",
                    NAME, measured.operationsPerSecond(), measured.latencies().percentileMillis(50),
                    measured.latencies().percentileMillis(99), perAdd.serverMillis());
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
                String cart = BenchShop.openCart(platform, admin,
                        "bench-shopper-" + shopper + "-" + System.nanoTime());
                if (cart == null) {
                    tally.unexpected(Tally.TRANSPORT_ERROR);
                    continue;
                }
                for (int add = 0; add < settings.addsPerCart() && System.nanoTime() < deadline; add++) {
                    String sku = skus.get(random.nextInt(skus.size()));
                    long started = System.nanoTime();
                    int status = BenchShop.status(platform,
                            admin.request("/api/carts/" + cart + "/lines?channel=" + BenchShop.CHANNEL)
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
                BenchShop.status(platform, admin.request("/api/carts/" + cart + "/close?channel=" + BenchShop.CHANNEL)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
            }
        });
    }
}
