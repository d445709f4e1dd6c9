package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.OnlineRetail;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The real Online Retail history (Daqing Chen, UCI Machine Learning Repository, CC BY 4.0), imported through the
 * order-history import, read back through the analytics API and compared with figures computed here straight from
 * the CSV: orders, revenue and average order value per month and country, the repeat-purchase rate, monthly cohort
 * retention and revenue per customer. The file's orders are its invoices not marked as cancellations with their lines
 * sold at a price above 0; an invoice without a customer is a guest's, a shopper of her own.
 */
@PlatformTest
// A platform of its own: the figures are compared over every GBP order of 2010–2011, which no other test may add to.
@TestPropertySource(properties = "throughline.imports.directory=target/imports-analytics-retail")
class AnalyticsAgreeingWithTheOnlineRetailFileTests {

    private static final Path FILE = OnlineRetail.FILE;
    private static final String PERIOD = "from=2010-12-01&to=2011-11-01&currency=GBP";
    private static final String MAPPING = """
            {"columns": {"orderNumber": "InvoiceNo", "time": "InvoiceDate", "sku": "StockCode",
                         "description": "Description", "quantity": "Quantity", "unitPrice": "UnitPrice",
                         "customer": "CustomerID", "country": "Country"},
             "timeFormat": "yyyy-MM-dd HH:mm:ss", "timeZone": "Europe/London", "customerType": "user_id",
             "currency": "GBP", "channel": "web", "cancellationPrefix": "C", "unknownProducts": "CREATE",
             "charges": ["POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B"],
             "zeroPrice": "REPORT"}""";
    private static final Set<String> CHARGES = Set.of("POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE",
            "CRUK", "PADS", "B");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An invoice as the file has it: when (UTC month), where, whose and how much in pence. */
    private record Invoice(String month, String country, String customer, long pence) {}

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersWhatTheFileSays() throws IOException {
        assumeThat(OnlineRetail.present()).as("the Online Retail data set at " + FILE.toAbsolutePath()).isTrue();
        assumeThat(OnlineRetail.WHOLE_FILE_SCENARIOS).as("-Dthroughline.data.whole-file=true").isTrue();
        Map<String, Invoice> invoices = readInvoices();
        Api admin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        importFile(admin);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                admin.get("/api/analytics/kpis/orders?" + PERIOD).json().get("value").asLong() >= invoices.size());

        // Orders, revenue and average order value per month and country.
        Map<String, long[]> expected = new TreeMap<>();
        for (Invoice invoice : invoices.values()) {
            long[] cell = expected.computeIfAbsent(invoice.month() + " " + invoice.country(), key -> new long[2]);
            cell[0]++;
            cell[1] += invoice.pence();
        }
        Map<String, long[]> answered = new TreeMap<>();
        for (JsonNode row : admin.get("/api/analytics/sales?groupBy=month,country&" + PERIOD).json()) {
            answered.put(row.get("month").asString() + " " + row.get("country").asString(),
                    new long[] {row.get("orders").asLong(), row.get("revenueMinor").asLong()});
            assertThat(row.get("averageOrderValueMinor").asDouble())
                    .isEqualTo((double) row.get("revenueMinor").asLong() / row.get("orders").asLong());
        }
        assertThat(answered.keySet()).isEqualTo(expected.keySet());
        expected.forEach((cell, figures) -> assertThat(answered.get(cell)).as(cell).containsExactly(figures));

        // Repeat-purchase rate and revenue per customer over the whole file.
        Map<String, Long> ordersPerCustomer = new HashMap<>();
        long revenue = 0;
        for (Invoice invoice : invoices.values()) {
            ordersPerCustomer.merge(invoice.customer(), 1L, Long::sum);
            revenue += invoice.pence();
        }
        long repeaters = ordersPerCustomer.values().stream().filter(n -> n >= 2).count();
        JsonNode repeat = admin.get("/api/analytics/kpis/repeat-purchase-rate?" + PERIOD).json();
        assertThat(repeat.get("numerator").asLong()).isEqualTo(repeaters);
        assertThat(repeat.get("denominator").asLong()).isEqualTo(ordersPerCustomer.size());
        JsonNode perCustomer = admin.get("/api/analytics/kpis/revenue-per-customer?" + PERIOD).json();
        assertThat(perCustomer.get("numerator").asLong()).isEqualTo(revenue);
        assertThat(perCustomer.get("denominator").asLong()).isEqualTo(ordersPerCustomer.size());

        // Monthly cohorts: customers by the month of their first order, and who of them ordered in each month after.
        Map<String, String> firstMonth = new HashMap<>();
        Map<String, Set<String>> activeMonths = new HashMap<>();
        for (Invoice invoice : invoices.values()) {
            firstMonth.merge(invoice.customer(), invoice.month(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            activeMonths.computeIfAbsent(invoice.customer(), c -> new java.util.TreeSet<>()).add(invoice.month());
        }
        Map<String, List<Long>> cohorts = new TreeMap<>();
        firstMonth.forEach((customer, first) -> {
            List<Long> row = cohorts.computeIfAbsent(first, f -> new ArrayList<>());
            for (String month : activeMonths.get(customer)) {
                int index = (int) YearMonth.parse(first).until(YearMonth.parse(month), java.time.temporal.ChronoUnit.MONTHS);
                while (row.size() <= index) {
                    row.add(0L);
                }
                row.set(index, row.get(index) + 1);
            }
        });
        Map<String, List<Long>> answeredCohorts = new LinkedHashMap<>();
        for (JsonNode cohort : admin.get("/api/analytics/cohorts?" + PERIOD).json().get("cohorts")) {
            answeredCohorts.put(cohort.get("key").asString(),
                    cohort.get("active").valueStream().map(JsonNode::asLong).toList());
        }
        assertThat(answeredCohorts).isEqualTo(cohorts);
    }

    private void importFile(Api admin) throws IOException {
        String boundary = "----retail" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + MAPPING + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"online-retail.csv.gz\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(FILE));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var accepted = admin.send(admin.request("/api/imports/orders")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String path = "/api/imports/orders/" + accepted.json().get("id").asString();
        // About a minute and a half on two idle cores; far longer on two cores that other builds share.
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !admin.get(path).json().get("state").asString().equals("RUNNING"));
        assertThat(admin.get(path).json().get("state").asString()).isEqualTo("DONE");
    }

    /**
     * The invoices straight from the file: not marked as cancellations, of a known customer, with the lines an
     * order can hold (a positive quantity, a price above 0 in pence, a product code or a listed charge).
     */
    private static Map<String, Invoice> readInvoices() throws IOException {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        ZoneId london = ZoneId.of("Europe/London");
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(FILE)),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String number = row.get("InvoiceNo").strip();
                String customer = row.get("CustomerID").strip().replaceAll("\\.0+$", "");
                String sku = row.get("StockCode").strip();
                if (customer.isEmpty()) {
                    // The import keeps a guest's order apart as a shopper of its own, as the order's own number.
                    customer = "legacy-order-" + number;
                }
                if (number.startsWith("C")
                        || !(CHARGES.contains(sku.toUpperCase(java.util.Locale.ROOT)) || SKU.matcher(sku).matches())) {
                    continue;
                }
                long quantity;
                BigDecimal price;
                try {
                    quantity = Long.parseLong(row.get("Quantity").strip());
                    price = new BigDecimal(row.get("UnitPrice").strip());
                } catch (NumberFormatException unreadable) {
                    continue;
                }
                if (quantity <= 0 || price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
                    continue;
                }
                long pence = price.movePointRight(2).longValueExact() * quantity;
                Instant at = LocalDateTime.parse(row.get("InvoiceDate").strip(), TIME).atZone(london).toInstant();
                String month = YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
                invoices.merge(number, new Invoice(month, row.get("Country").strip(), customer, pence),
                        (head, more) -> new Invoice(head.month(), head.country(), head.customer(),
                                head.pence() + more.pence()));
            }
        }
        return invoices;
    }

}
