package io.throughline.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole checkouts over HTTP at concurrent clients, as a web shop makes them: open an anonymous cart, add lines
 * (each holds stock), read the cart priced (the quote the shopper confirms), then {@code POST /api/orders} with
 * an idempotency key, home delivery and the test processor's approving card. The checkout re-prices the cart,
 * redeems its promotions, turns its holds into allocations, authorises and captures the payment and places the
 * order. Each step's latency is kept apart, so the report says where a checkout's time goes.
 */
public final class CheckoutBenchmark {

    private static final String NAME = "checkout";
    private static final String PROPERTY = "throughline.bench.checkout.";
    private static final String CARD = "4242424242424242";
    private static final String ADDRESS = """
            {"name":"Bench Shopper","street":"Andrássy út 1.","city":"Budapest","postalCode":"1061","country":"HU",
             "latitude":47.50,"longitude":19.06}""";

    /** Every field is a {@code -Dthroughline.bench.checkout.<name>} property. */
    record Settings(BenchEnvironment bench, int skus, int clients, int linesPerCart, Duration warmup,
            Duration duration) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "skus", 50),
                    BenchProperties.intCount(PROPERTY + "clients", 8),
                    BenchProperties.intCount(PROPERTY + "lines-per-cart", 2),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "seconds", 60));
        }
    }

    /** One client's latencies of each step of a checkout, and of the whole of it. */
    private static final class Steps {
        final Latencies open = new Latencies();
        final Latencies add = new Latencies();
        final Latencies quote = new Latencies();
        final Latencies checkout = new Latencies();
        final Latencies whole = new Latencies();
    }

    private CheckoutBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d SKUs, %d clients, %d lines per cart, warm-up %d s, measured %d s;"
                        + " machine %d cores, load average %s%n", NAME, settings.skus(), settings.clients(),
                settings.linesPerCart(), settings.warmup().toSeconds(), settings.duration().toSeconds(),
                Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME)) {
            long setupStarted = System.nanoTime();
            List<String> skus = BenchShop.products(platform.admin(), "BENCH-CHECKOUT-", "Bench Hárslevelű",
                    settings.skus(), 3_490, "Bench checkout prices");
            Report.printf("%s: set up %d SKUs with stock and HUF prices through the API in %.1f s%n", NAME,
                    skus.size(), (System.nanoTime() - setupStarted) / 1e9);

            List<Steps> warmupSteps = Collections.synchronizedList(new ArrayList<>());
            Clients.Totals warmup = phase(platform, settings, skus, settings.warmup(), warmupSteps);
            Report.printf("%s: warm-up %s%n", NAME, describe(warmup));
            Report.printf("%s: load average before the measured phase %s%n", NAME, Machine.loadAverage());
            List<Steps> steps = Collections.synchronizedList(new ArrayList<>());
            CpuTimes before = CpuTimes.now(platform.process());
            Clients.Totals measured = phase(platform, settings, skus, settings.duration(), steps);
            CpuTimes after = CpuTimes.now(platform.process());
            Report.printf("%s: measured %s%n", NAME, describe(measured));
            Report.printf("%s: steps: open cart %s%n", NAME, merged(steps, s -> s.open).summary());
            Report.printf("%s: steps: add line %s%n", NAME, merged(steps, s -> s.add).summary());
            Report.printf("%s: steps: read quote %s%n", NAME, merged(steps, s -> s.quote).summary());
            Report.printf("%s: steps: checkout %s%n", NAME, merged(steps, s -> s.checkout).summary());
            Latencies whole = merged(steps, s -> s.whole);
            Report.printf("%s: steps: whole checkout (open, %d adds, quote, checkout) %s%n", NAME,
                    settings.linesPerCart(), whole.summary());
            // An operation is a placed order, so its CPU is the whole flow's: open, adds, quote and checkout.
            CpuTimes.PerOperation perOrder = after.perOperation(before, measured.operations());
            Report.printf("%s: CPU of the platform during the measured phase: %s; load average %s%n", NAME,
                    after.coresSince(before, measured.wallNanos()), Machine.loadAverage());
            Report.printf("%s: CPU per whole checkout flow: %s%n", NAME, perOrder.describe("order"));
            Report.printf(Locale.ROOT, "%s: orders_per_s=%.1f p50_ms=%.1f p99_ms=%.1f server_cpu_ms_per_op=%.3f%n",
                    NAME, measured.operationsPerSecond(), measured.latencies().percentileMillis(50),
                    measured.latencies().percentileMillis(99), perOrder.serverMillis());
        }
    }

    private static Latencies merged(List<Steps> steps, java.util.function.Function<Steps, Latencies> step) {
        return Latencies.merge(steps.stream().map(step).toList());
    }

    private static String describe(Clients.Totals totals) {
        return "%d orders in %.1f s = %.1f orders/s, checkout request %s, unexpected answers: %s".formatted(
                totals.operations(), totals.wallSeconds(), totals.operationsPerSecond(), totals.latencies().summary(),
                totals.unexpectedSummary());
    }

    /**
     * Each client checks out carts of its own until the deadline. The operation counted is a placed order; its
     * latency is the checkout request's, the other steps are kept in {@link Steps}.
     */
    private static Clients.Totals phase(FreshPlatform platform, Settings settings, List<String> skus,
            Duration duration, List<Steps> allSteps) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AdminApi admin = platform.admin();
        AtomicLong shoppers = new AtomicLong();
        return Clients.run(settings.clients(), tally -> {
            Steps steps = new Steps();
            allSteps.add(steps);
            long shopper = shoppers.incrementAndGet();
            SplittableRandom random = new SplittableRandom(shopper * 7919 + System.nanoTime());
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                String cart = BenchShop.openCart(platform, admin,
                        "bench-checkout-" + shopper + "-" + System.nanoTime());
                steps.open.add(System.nanoTime() - started);
                if (cart == null) {
                    tally.unexpected(Tally.TRANSPORT_ERROR);
                    continue;
                }
                boolean filled = true;
                List<String> chosen = new ArrayList<>();
                while (chosen.size() < Math.min(settings.linesPerCart(), skus.size())) {
                    String sku = skus.get(random.nextInt(skus.size()));
                    if (!chosen.contains(sku)) {
                        chosen.add(sku);
                    }
                }
                for (String sku : chosen) {
                    long adding = System.nanoTime();
                    int status = BenchShop.status(platform,
                            admin.request("/api/carts/" + cart + "/lines?channel=" + BenchShop.CHANNEL)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
                            .build());
                    steps.add.add(System.nanoTime() - adding);
                    if (status != 200) {
                        tally.unexpected(status);
                        filled = false;
                        break;
                    }
                }
                if (!filled) {
                    continue;
                }
                long quoting = System.nanoTime();
                int quoted = BenchShop.status(platform,
                        admin.request("/api/carts/" + cart + "?channel=" + BenchShop.CHANNEL).GET().build());
                steps.quote.add(System.nanoTime() - quoting);
                if (quoted != 200) {
                    tally.unexpected(quoted);
                    continue;
                }
                long checkingOut = System.nanoTime();
                int placed = BenchShop.status(platform, admin.request("/api/orders?channel=" + BenchShop.CHANNEL)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"cartId":"%s","delivery":"HOME_DELIVERY","address":%s,
                                 "payment":{"method":"CARD","cardNumber":"%s"}}""".formatted(cart, ADDRESS, CARD)))
                        .build());
                long done = System.nanoTime();
                steps.checkout.add(done - checkingOut);
                if (placed == 201) {
                    tally.succeeded(done - checkingOut, 1);
                    steps.whole.add(done - started);
                } else {
                    tally.unexpected(placed);
                }
            }
        });
    }
}
