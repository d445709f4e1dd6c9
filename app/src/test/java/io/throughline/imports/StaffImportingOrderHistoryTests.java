package io.throughline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.throughline.support.OnlineRetail;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An administrator bringing a legacy system's order history in: the real Online Retail file (Daqing Chen, UCI
 * Machine Learning Repository, CC BY 4.0) as it is, twice, and files with a wrong mapping, another encoding and
 * broken lines.
 */
@PlatformTest
// A platform of its own: the whole Online Retail history (16,000 orders, 4,000 products, 4,000 customers) would
// otherwise be in the database and the recommendations model of every other test sharing the platform.
@TestPropertySource(properties = "throughline.imports.directory=target/imports-online-retail")
class StaffImportingOrderHistoryTests {

    /**
     * How long the whole file may take: about a minute and a half on two idle cores, up to eighteen minutes on two
     * cores that five other builds share.
     */
    private static final Duration WHOLE_FILE = Duration.ofMinutes(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerProfiles profiles;

    @Test
    void theOnlineRetailFileImportsAsItIsAndASecondImportOfItChangesNothing() {
        assumeTrue(OnlineRetail.present(),
                "The Online Retail data set is not at " + OrderImportFixture.ONLINE_RETAIL.toAbsolutePath());
        assumeTrue(OnlineRetail.WHOLE_FILE_SCENARIOS, "imports the whole file twice: -Dthroughline.data.whole-file=true");
        OrderImportFixture fixture = new OrderImportFixture(port);
        byte[] file = OrderImportFixture.read(OrderImportFixture.ONLINE_RETAIL);

        JsonNode first = fixture.finished(fixture.upload("online-retail.csv.gz", file,
                OrderImportFixture.ONLINE_RETAIL_MAPPING), WHOLE_FILE);

        assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("DONE");
        assertThat(first.get("percent").asInt()).isEqualTo(100);
        assertThat(first.get("linesRead").asLong()).isEqualTo(431_674);
        // Of the 18,174 invoices not marked as cancellations, 16,372 sell at least one unit at a price above 0
        // (counted from the file alone); the others hold only adjustments at 0 or below, which are reported.
        assertThat(first.get("ordersImported").asInt()).as(first.toString()).isEqualTo(16_372);
        // Of the 3,249 cancellations, those that take back something an imported order of the customer sold.
        assertThat(first.get("returnsImported").asInt()).isBetween(1_000, 3_249);
        // The file's invoice numbers are digits; the demo brand's own earlier orders are numbered otherwise.
        long orders = jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE number ~ '^[0-9]+$'")
                .query(Long.class).single();
        assertThat(orders).isEqualTo(first.get("ordersImported").asLong());

        // The first invoice: customer 17850, seven lines, 8:26 in London on 1 December 2010 (GMT).
        Map<String, Object> invoice = jdbc.sql("""
                SELECT profile_id, total_minor, currency, placed_at, state,
                       (SELECT count(*) FROM orders.order_line l WHERE l.order_id = o.id) AS lines
                  FROM orders.placed_order o WHERE number = '536365'""").query().singleRow();
        assertThat(invoice.get("total_minor")).isEqualTo(13_912L);
        assertThat(invoice.get("currency")).isEqualTo("GBP");
        assertThat(invoice.get("lines")).isEqualTo(7L);
        assertThat(invoice.get("placed_at").toString()).startsWith("2010-12-01 0");
        CustomerProfile customer = profiles.findByIdentity("user_id", "17850").orElseThrow();
        assertThat(invoice.get("profile_id")).isEqualTo(customer.id());
        // Invoice 542806's lines straddle 11:19 and 11:20 with a cancellation of 11:19 between them: all 39 are in.
        Map<String, Object> split = jdbc.sql("""
                SELECT total_minor, (SELECT count(*) FROM orders.order_line l WHERE l.order_id = o.id) AS lines
                  FROM orders.placed_order o WHERE number = '542806'""").query().singleRow();
        assertThat(split.get("lines")).isEqualTo(39L);
        assertThat(split.get("total_minor")).isEqualTo(84_669L);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM imports.line_error WHERE import_id = ?::uuid AND field = 'orderNumber'""")
                .param(first.get("id").asString()).query(Long.class).single()).isZero();
        // Postage is recorded as a line without a product, never refused.
        assertThat(jdbc.sql("SELECT count(*) FROM orders.order_line WHERE sku = 'POST' AND product_id IS NULL")
                .query(Long.class).single()).isGreaterThan(900);
        // Products unknown to the catalogue were made from the descriptions.
        assertThat(first.get("productsCreated").asInt()).isGreaterThan(3_500);

        // Sales at price 0 are reported, one line each; nothing else of the file is lost.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM imports.line_error WHERE import_id = ?::uuid AND field = 'unitPrice'
                   AND reason LIKE 'is 0:%'""").param(first.get("id").asString()).query(Long.class).single())
                .isGreaterThan(1_000);
        assertThat(first.get("linesFailed").asInt()).as(first.toString()).isLessThan(20_000);

        JsonNode second = fixture.finished(fixture.upload("online-retail.csv.gz", file,
                OrderImportFixture.ONLINE_RETAIL_MAPPING), WHOLE_FILE);

        assertThat(second.get("state").asString()).isEqualTo("DONE");
        assertThat(second.get("ordersImported").asInt()).isZero();
        assertThat(second.get("returnsImported").asInt()).isZero();
        assertThat(second.get("ordersSkipped").asLong()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM imports.imported_document WHERE import_id = ?::uuid")
                .param(first.get("id").asString()).query(Long.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE number = '536365'").query(Long.class)
                .single()).isEqualTo(1L);
    }

    @Test
    void aWrongMappingIsRefusedNamingItsFieldAndNothingIsImported() {
        OrderImportFixture fixture = new OrderImportFixture(port);
        String csv = "InvoiceNo,Stock,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

        Api.Response refused = fixture.upload(csv, OrderImportFixture.ONLINE_RETAIL_MAPPING);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("mapping.columns.sku");
        assertThat(error.get("reason").asString()).contains("StockCode").contains("Stock, Description");

        Api.Response badZone = fixture.upload(csv.replace("Stock,", "StockCode,"),
                OrderImportFixture.ONLINE_RETAIL_MAPPING.replace("Europe/London", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping.timeZone");

        Api.Response notJson = fixture.upload(csv, "{columns: nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping");
    }

    @Test
    void brokenLinesAndLinesInAnotherEncodingAreReportedOneByOneAndTheGoodOnesImport() {
        OrderImportFixture fixture = new OrderImportFixture(port);
        // Never starting with C, the mapping's cancellation prefix, as a clock-made tag does for an hour in nine.
        String tag = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        String good = "%s-1,%s-A,TOKAJI GLASS,2,2011-01-03 10:00:00,4.50,%s,Hungary\n"
                .formatted(tag, tag, "9" + tag.hashCode());
        String broken = "%s-2,%s-A,\"UNCLOSED QUOTE,1,2011-01-03 11:00:00,4.50,,Hungary\n".formatted(tag, tag);
        String words = "%s-3,%s-A,TOKAJI GLASS,two,2011-01-03 12:00:00,4.50,,Hungary\n".formatted(tag, tag);
        String after = "%s-4,%s-B,CORKSCREW,1,2011-01-03 13:00:00,9.00,,Hungary\n".formatted(tag, tag);
        byte[] latin = "%s-5,%s-C,CAFÉ MUG,1,2011-01-03 14:00:00,3.00,,Hungary\n".formatted(tag, tag)
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] start = (header + good + broken + words + after).getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[start.length + latin.length];
        System.arraycopy(start, 0, file, 0, start.length);
        System.arraycopy(latin, 0, file, start.length, latin.length);

        JsonNode done = fixture.finished(fixture.upload("mixed.csv", file, OrderImportFixture.ONLINE_RETAIL_MAPPING),
                Duration.ofSeconds(60));

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        List<String> reasons = reasons(fixture, done);
        assertThat(reasons).contains("3 line: a quoted field is never closed",
                "4 quantity: is not a whole number",
                "6 line: is not valid UTF-8: name the file's encoding in mapping.encoding");
        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE number IN (?, ?)")
                .params(tag + "-1", tag + "-4").query(Long.class).single())
                .as("the good lines before and after the broken ones").isEqualTo(2L);
        assertThat(jdbc.sql("SELECT anonymous_id FROM orders.placed_order WHERE number = ?").param(tag + "-4")
                .query(String.class).single()).as("no customer: a guest's order").isNotNull();
    }

    @Test
    void anOrderWhoseLinesAnotherOrderSplitsInTwoImportsWithAllItsLines() {
        // As in the Online Retail file's invoice 542806: sorted by time, its lines of 11:19 and of 11:20 have a
        // cancellation of 11:19 between them.
        OrderImportFixture fixture = new OrderImportFixture(port);
        String tag = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String customer = "8" + Math.abs(tag.hashCode());
        String csv = """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                %1$s-6,%1$s-A,DOORMAT HEARTS,1,2011-02-01 11:19:00,7.95,%2$s.0,United Kingdom
                %1$s-6,%1$s-B,DOORMAT SPOTTY HOME SWEET HOME,2,2011-02-01 11:19:00,7.95,%2$s.0,United Kingdom
                C%1$s-5,%1$s-A,DOORMAT HEARTS,-1,2011-02-01 11:19:00,7.95,%2$s9.0,United Kingdom
                %1$s-6,%1$s-C,"DECOUPAGE,GREETING CARD,",24,2011-02-01 11:20:00,0.42,%2$s.0,United Kingdom
                """.formatted(tag, customer);

        JsonNode done = fixture.finished(fixture.upload(csv, OrderImportFixture.ONLINE_RETAIL_MAPPING),
                Duration.ofSeconds(60));

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("ordersImported").asInt()).isEqualTo(1);
        assertThat(reasons(fixture, done)).as("only the cancellation of what she never bought is reported")
                .singleElement().asString().startsWith("4 quantity:");
        Map<String, Object> order = jdbc.sql("""
                SELECT total_minor, (SELECT count(*) FROM orders.order_line l WHERE l.order_id = o.id) AS lines,
                       (SELECT string_agg(name, '|' ORDER BY idx) FROM orders.order_line l WHERE l.order_id = o.id)
                           AS names
                  FROM orders.placed_order o WHERE number = ?""").param(tag + "-6").query().singleRow();
        assertThat(order.get("lines")).isEqualTo(3L);
        assertThat(order.get("total_minor")).isEqualTo(795L + 1_590L + 1_008L);
        assertThat(order.get("names")).isEqualTo(
                "DOORMAT HEARTS|DOORMAT SPOTTY HOME SWEET HOME|DECOUPAGE,GREETING CARD,");
    }

    @Test
    void aFileInWindows1252ImportsItsAccentsWhenTheMappingNamesItsEncodingAndSaysWhatItCannotDecode() {
        OrderImportFixture fixture = new OrderImportFixture(port);
        String tag = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        String lines = header
                + "%1$s-1,%1$s-A,CAFÉ MUG – SZÉP €,2,2011-01-03 10:00:00,3.00,,Hungary\n".formatted(tag)
                + "%1$s-2,%1$s-B,CORKSCREW,1,2011-01-03 11:00:00,9.00,,Hungary\n".formatted(tag);
        byte[] windows = lines.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        // 0x81 is a byte windows-1252 leaves undefined.
        byte[] undefined = concat(("%1$s-3,%1$s-C,BAD ".formatted(tag)).getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0x81}, " BYTE,1,2011-01-03 12:00:00,1.00,,Hungary\n".getBytes(StandardCharsets.US_ASCII));
        String mapping = OrderImportFixture.ONLINE_RETAIL_MAPPING.replace("\"zeroPrice\"",
                "\"encoding\": \"windows-1252\", \"zeroPrice\"");

        Api.Response asUtf8 = fixture.upload("windows.csv", (header + "%1$s-9,%1$s-D,ÉCLAIR TIN,1,2011-01-03 10:00:00,"
                .formatted(tag) + "2.00,,Hungary\n").getBytes(java.nio.charset.Charset.forName("windows-1252")),
                OrderImportFixture.ONLINE_RETAIL_MAPPING);
        JsonNode done = fixture.finished(fixture.upload("windows.csv", concat(windows, undefined), mapping),
                Duration.ofSeconds(60));

        // Read as UTF-8, a file none of whose lines decode is refused as a whole, naming the encoding.
        assertThat(asUtf8.status()).isEqualTo(400);
        assertThat(asUtf8.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping.encoding");
        assertThat(asUtf8.json().get("errors").get(0).get("reason").asString()).contains("UTF-8", "windows-1252");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("ordersImported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT l.name FROM orders.order_line l JOIN orders.placed_order o ON o.id = l.order_id
                 WHERE o.number = ?""").param(tag + "-1").query(String.class).single())
                .isEqualTo("CAFÉ MUG – SZÉP €");
        // Line 4 holds a byte windows-1252 does not define: reported by its number, the lines around it imported.
        assertThat(reasons(fixture, done)).containsExactly(
                "4 line: is not valid windows-1252: name the file's encoding in mapping.encoding");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void aMappingThatReadsNoneOfTheFirstLinesIsRefusedNamingItsField() {
        OrderImportFixture fixture = new OrderImportFixture(port);
        String csv = """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,01/12/2010 08:26,2.55,17850.0,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,01/12/2010 08:26,3.39,17850.0,United Kingdom
                """;

        Api.Response wrongFormat = fixture.upload(csv, OrderImportFixture.ONLINE_RETAIL_MAPPING);
        Api.Response swapped = fixture.upload(csv.replace("01/12/2010 08:26", "2010-12-01 08:26:00"),
                OrderImportFixture.ONLINE_RETAIL_MAPPING.replace("\"quantity\": \"Quantity\"",
                        "\"quantity\": \"Description\""));
        Api.Response descriptions = fixture.upload(csv.replace("01/12/2010 08:26", "2010-12-01 08:26:00"),
                OrderImportFixture.ONLINE_RETAIL_MAPPING.replace("\"sku\": \"StockCode\"",
                        "\"sku\": \"Description\""));

        assertThat(wrongFormat.status()).isEqualTo(400);
        assertThat(wrongFormat.contentType()).startsWith("application/problem+json");
        JsonNode format = wrongFormat.json().get("errors").get(0);
        assertThat(format.get("field").asString()).isEqualTo("mapping.timeFormat");
        assertThat(format.get("reason").asString()).contains("yyyy-MM-dd HH:mm:ss").contains("InvoiceDate");
        assertThat(swapped.status()).isEqualTo(400);
        assertThat(swapped.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping.columns.quantity");
        assertThat(swapped.json().get("errors").get(0).get("reason").asString()).contains("whole number");
        assertThat(descriptions.status()).isEqualTo(400);
        assertThat(descriptions.json().get("errors").get(0).get("field").asString()).isEqualTo("mapping.columns.sku");
    }

    private static List<String> reasons(OrderImportFixture fixture, JsonNode finished) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode item : fixture.errors(finished).get("items")) {
            reasons.add(item.get("line").asLong() + " " + item.get("field").asString() + ": "
                    + item.get("reason").asString());
        }
        return reasons;
    }
}
