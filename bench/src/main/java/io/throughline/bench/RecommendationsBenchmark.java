package io.throughline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline evaluation of the recommendations on the Online Retail data set (Daqing Chen, UCI Machine Learning
 * Repository, DOI 10.24432/C5BW33, CC BY 4.0): the file imported through the order history import as it is, the
 * model trained on all but its last four weeks, and for every customer who bought in those weeks ten products
 * ranked through the HTTP API and compared with what she bought then (NDCG, precision and recall at 10, catalogue
 * coverage), beside the most-popular list measured the same way in the same run; then the API's answer time at
 * 16 clients.
 */
public final class RecommendationsBenchmark {

    private static final String NAME = "recommendations";
    private static final String PROPERTY = "throughline.bench.recommendations.";
    private static final String CHANNEL = "online-retail";
    private static final int K = 10;
    private static final Set<String> CHARGES = Set.of("POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE",
            "CRUK", "PADS", "B");
    private static final String MAPPING = """
            {"columns": {"orderNumber": "InvoiceNo", "time": "InvoiceDate", "sku": "StockCode",
                         "description": "Description", "quantity": "Quantity", "unitPrice": "UnitPrice",
                         "customer": "CustomerID", "country": "Country"},
             "timeFormat": "yyyy-MM-dd HH:mm:ss", "timeZone": "Europe/London", "customerType": "user_id",
             "currency": "GBP", "channel": "online-retail", "cancellationPrefix": "C", "unknownProducts": "CREATE",
             "charges": ["POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B"],
             "zeroPrice": "REPORT"}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Settings(BenchEnvironment bench, Path file, int testDays, int clients, Duration warmup,
            Duration duration) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    Path.of(System.getProperty(PROPERTY + "file", defaultFile().toString())),
                    BenchProperties.intCount(PROPERTY + "test-days", 28),
                    BenchProperties.intCount(PROPERTY + "clients", 16),
                    BenchProperties.seconds(PROPERTY + "warmup-seconds", 10),
                    BenchProperties.seconds(PROPERTY + "seconds", 30));
        }

        /** The shared data sets beside the project, or one of the folders above it. */
        private static Path defaultFile() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("shared/data/online-retail/online-retail-2010-12-to-2011-10.csv.gz");
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
            return Path.of("../shared/data/online-retail/online-retail-2010-12-to-2011-10.csv.gz");
        }
    }

    /** What each customer bought, read from the file as the import reads it: sales of products with a customer. */
    record Truth(Instant cutoff, Map<String, Set<String>> testPurchases, int trainProducts) {}

    private RecommendationsBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        if (!Files.exists(settings.file())) {
            throw new IllegalStateException("the Online Retail file is not at " + settings.file().toAbsolutePath()
                    + " (-D" + PROPERTY + "file=…)");
        }
        Truth truth = truth(settings.file(), settings.testDays());
        Report.printf("%s: Online Retail (UCI, CC BY 4.0); training before %s, %d customers bought in the last %d days;"
                        + " machine %d cores, load average %s%n", NAME, truth.cutoff(), truth.testPurchases().size(),
                settings.testDays(), Machine.cores(), Machine.loadAverage());
        Map<String, String> environment = Map.of(
                "THROUGHLINE_RECOMMENDATIONS_TRAIN_UNTIL", truth.cutoff().toString(),
                "THROUGHLINE_RECOMMENDATIONS_REBUILD_EVERY", "PT24H",
                "THROUGHLINE_RECOMMENDATIONS_FIRST_BUILD_AFTER", "PT24H");
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME, environment);
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            AdminApi admin = platform.admin();
            send(platform, admin.request("/api/sources").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Online Retail web shop\", \"channel\": \""
                            + CHANNEL + "\", \"channelType\": \"WEB\"}")).build(), 201);
            long importStarted = System.nanoTime();
            JsonNode imported = importFile(platform, settings.file());
            Report.printf("%s: import %s in %.1f s: %d orders, %d returns, %d products created, %d lines reported%n",
                    NAME, imported.path("state").asString(), (System.nanoTime() - importStarted) / 1e9,
                    imported.path("ordersImported").asInt(), imported.path("returnsImported").asInt(),
                    imported.path("productsCreated").asInt(), imported.path("linesFailed").asInt());
            long interactions = settled(sampling);
            Report.printf("%s: %d interactions learnt from the log%n", NAME, interactions);

            long trainStarted = System.nanoTime();
            // A build on a loaded machine can outlast the admin client's 30 s: the model is what is measured here.
            JsonNode model = send(platform, admin.request("/api/recommendations/model").timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
            double trainSeconds = (System.nanoTime() - trainStarted) / 1e9;
            Report.printf("%s: model trained in %.2f s (build %d ms): %d products, %d customers, %d interactions%n",
                    NAME, trainSeconds, model.path("buildMillis").asLong(), model.path("products").asInt(),
                    model.path("customers").asInt(), model.path("interactions").asLong());

            Metrics personal = new Metrics();
            Metrics popular = new Metrics();
            Set<String> recommended = new HashSet<>();
            List<String> popularList = skus(send(platform, admin.request("/api/recommendations?placement=popular&limit="
                    + K + "&channel=" + CHANNEL).GET().build(), 200));
            List<String> customers = new ArrayList<>(truth.testPurchases().keySet());
            int personalAnswers = 0;
            for (String customer : customers) {
                JsonNode answer = send(platform, admin.request(path(customer)).GET().build(), 200);
                if (answer.path("personal").asBoolean()) {
                    personalAnswers++;
                }
                List<String> ranked = skus(answer);
                recommended.addAll(ranked);
                Set<String> bought = truth.testPurchases().get(customer);
                personal.add(ranked, bought);
                popular.add(popularList, bought);
            }
            int products = Math.max(1, model.path("products").asInt());
            double coverage = (double) recommended.size() / products;
            Report.printf("%s: %d customers ranked, %d personal answers; popular list %s%n", NAME, customers.size(),
                    personalAnswers, popularList);

            Clients.Totals warm = load(platform, customers, settings.clients(), settings.warmup());
            Report.printf("%s: warm-up %d answers, %s%n", NAME, warm.operations(), warm.latencies().summary());
            CpuTimes before = CpuTimes.now(platform.process());
            Clients.Totals measured = load(platform, customers, settings.clients(), settings.duration());
            CpuTimes after = CpuTimes.now(platform.process());
            CpuTimes.PerOperation perAnswer = after.perOperation(before, measured.operations());
            Report.printf("%s: measured %d answers in %.1f s = %.0f answers/s at %d clients; %s; non-200: %s%n",
                    NAME, measured.operations(), measured.wallSeconds(), measured.operationsPerSecond(),
                    settings.clients(), measured.latencies().summary(), measured.unexpectedSummary());
            Report.printf("%s: CPU per answer: %s%n", NAME, perAnswer.describe("answer"));
            double ndcg = personal.ndcg();
            double popularNdcg = popular.ndcg();
            Report.printf(Locale.ROOT, "%s: popular precision_at_10=%.4f recall_at_10=%.4f; p50_ms=%.2f%n", NAME,
                    popular.precision(), popular.recall(), measured.latencies().percentileMillis(50));
            Report.printf(Locale.ROOT, "%s: ndcg_at_10=%.4f precision_at_10=%.4f recall_at_10=%.4f coverage=%.4f"
                            + " popular_ndcg_at_10=%.4f ratio=%.2f train_s=%.2f p99_ms=%.2f server_cpu_ms_per_op=%.3f%n",
                    NAME, ndcg, personal.precision(), personal.recall(), coverage, popularNdcg,
                    popularNdcg == 0 ? 0 : ndcg / popularNdcg, trainSeconds, measured.latencies().percentileMillis(99),
                    perAnswer.serverMillis());
        }
    }

    private static String path(String customer) {
        return "/api/recommendations?placement=email&limit=" + K + "&channel=" + CHANNEL + "&identity="
                + URLEncoder.encode("user_id:" + customer, StandardCharsets.UTF_8);
    }

    /** NDCG, precision and recall at 10 with binary relevance, averaged over customers. */
    static final class Metrics {
        private double ndcg;
        private double precision;
        private double recall;
        private int customers;

        void add(List<String> ranked, Set<String> relevant) {
            double dcg = 0;
            int hits = 0;
            for (int i = 0; i < Math.min(K, ranked.size()); i++) {
                if (relevant.contains(ranked.get(i))) {
                    dcg += 1 / log2(i + 2);
                    hits++;
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(K, relevant.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            ndcg += ideal == 0 ? 0 : dcg / ideal;
            precision += (double) hits / K;
            recall += relevant.isEmpty() ? 0 : (double) hits / relevant.size();
            customers++;
        }

        double ndcg() {
            return customers == 0 ? 0 : ndcg / customers;
        }

        double precision() {
            return customers == 0 ? 0 : precision / customers;
        }

        double recall() {
            return customers == 0 ? 0 : recall / customers;
        }

        private static double log2(int x) {
            return Math.log(x) / Math.log(2);
        }
    }

    private static Clients.Totals load(FreshPlatform platform, List<String> customers, int clients,
            Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong seeds = new AtomicLong(42);
        return Clients.run(clients, tally -> {
            SplittableRandom random = new SplittableRandom(seeds.incrementAndGet() * 0x9E3779B97F4A7C15L);
            while (System.nanoTime() < deadline) {
                String customer = customers.get(random.nextInt(customers.size()));
                long started = System.nanoTime();
                try {
                    int status = platform.http().send(platform.admin().request(path(customer)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    if (status == 200) {
                        tally.succeeded(System.nanoTime() - started, 1);
                    } else {
                        tally.unexpected(status);
                    }
                } catch (IOException transport) {
                    tally.unexpected(Tally.TRANSPORT_ERROR);
                }
            }
        });
    }

    private static JsonNode importFile(FreshPlatform platform, Path file) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + MAPPING + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        JsonNode started = send(platform, platform.admin().request("/api/imports/orders")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 202);
        String id = started.path("id").asString();
        while (true) {
            JsonNode state = platform.admin().get("/api/imports/orders/" + id);
            if (!state.path("state").asString().equals("RUNNING")) {
                if (!state.path("state").asString().equals("DONE")) {
                    throw new IllegalStateException("the import ended " + state);
                }
                return state;
            }
            Thread.sleep(1_000);
        }
    }

    /** Waits until the recommendations processor has read the log: its interactions stop growing. */
    private static long settled(Connection sampling) throws Exception {
        long last = -1;
        int still = 0;
        while (still < 5) {
            Thread.sleep(1_000);
            long now = Postgres.number(sampling, "SELECT count(*) FROM recommendations.interaction");
            still = now == last && now > 0 ? still + 1 : 0;
            last = now;
        }
        return last;
    }

    private static JsonNode send(FreshPlatform platform, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = platform.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static List<String> skus(JsonNode answer) {
        List<String> skus = new ArrayList<>();
        answer.path("items").forEach(item -> skus.add(item.path("sku").asString()));
        return skus;
    }

    /** The test customers' purchases in the last days of the file, as the import takes them. */
    private static Truth truth(Path file, int testDays) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        ZoneId london = ZoneId.of("Europe/London");
        List<String[]> rows = new ArrayList<>();
        Instant last = Instant.EPOCH;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = split(line);
                if (fields.length != 8) {
                    continue;
                }
                rows.add(fields);
                Instant at = LocalDateTime.parse(fields[4], format).atZone(london).toInstant();
                if (at.isAfter(last)) {
                    last = at;
                }
            }
        }
        Instant cutoff = last.minus(Duration.ofDays(testDays));
        Map<String, Set<String>> test = new LinkedHashMap<>();
        Set<String> trainProducts = new HashSet<>();
        for (String[] fields : rows) {
            String sku = fields[1].strip().toUpperCase(Locale.ROOT);
            if (fields[0].startsWith("C") || CHARGES.contains(sku) || fields[6].isBlank()) {
                continue;
            }
            int quantity;
            double price;
            try {
                quantity = Integer.parseInt(fields[3].strip());
                price = Double.parseDouble(fields[5].strip());
            } catch (NumberFormatException wrong) {
                continue;
            }
            if (quantity <= 0 || price <= 0) {
                continue;
            }
            Instant at = LocalDateTime.parse(fields[4], format).atZone(london).toInstant();
            String customer = fields[6].strip().replaceFirst("\\.0+$", "");
            if (at.isBefore(cutoff)) {
                trainProducts.add(sku);
            } else {
                test.computeIfAbsent(customer, key -> new HashSet<>()).add(sku);
            }
        }
        return new Truth(cutoff, test, trainProducts.size());
    }

    /** One RFC 4180 line: quoted fields may hold commas and doubled quotes (the file has no line breaks in fields). */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
