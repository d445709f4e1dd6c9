package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.Sku;
import io.throughline.customers.CustomerProfiles;
import io.throughline.recommendations.Recommendations;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator imports a legacy system's order history from the console — a wrong column is shown at its
 * field with everything typed kept, then the import runs with its progress and the lines it reported — and reads
 * the recommendations it feeds on the customer's page and on a product's page, each with its reason.
 */
@PlatformTest
class AdministratorImportingHistoryAndReadingRecommendationsInConsoleTests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    CustomerProfiles profiles;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Recommendations recommendations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWrongColumnIsShownAtItsFieldThenTheImportRunsAndItsRecommendationsShowWithTheirReasons() {
        String tag = "K" + Long.toString(System.nanoTime(), 36).toUpperCase();
        StringBuilder csv = new StringBuilder("Invoice,When,Code,Item,Qty,Price,Customer,Land\n");
        String at = TIME.format(Instant.now().minus(Duration.ofDays(20)));
        for (int order = 1; order <= 4; order++) {
            for (String item : new String[] {"GLASS", "WINE"}) {
                csv.append("%s-%d,%s,%s-%s,%s %s,1,9.50,%s-c%d,Hungary\n".formatted(tag, order, at, tag, item, item, tag,
                        tag, order));
            }
        }
        csv.append("%s-9,%s,%s-WINE,WINE %s,1,0,%s-c1,Hungary\n".formatted(tag, at, tag, tag, tag));
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn(PlatformTest.ADMIN_EMAIL, PlatformTest.ADMIN_PASSWORD);
        assertThat(admin.get("/imports").body()).contains("id=\"import-form\"", "value=\"InvoiceNo\"");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderNumber", "Invoice");
        fields.put("time", "When");
        fields.put("sku", "StockCode");
        fields.put("description", "Item");
        fields.put("quantity", "Qty");
        fields.put("unitPrice", "Price");
        fields.put("customer", "Customer");
        fields.put("country", "Land");
        fields.put("currencyColumn", "");
        fields.put("channelColumn", "");
        fields.put("timeFormat", "yyyy-MM-dd HH:mm:ss");
        fields.put("timeZone", "UTC");
        fields.put("customerType", "user_id");
        fields.put("currency", "EUR");
        fields.put("channel", "web");
        fields.put("cancellationPrefix", "C");
        fields.put("unknownProducts", "CREATE");
        fields.put("charges", "POST");
        fields.put("zeroPrice", "REPORT");
        fields.put("delivery", "HOME_DELIVERY");
        fields.put("encoding", "UTF-8");
        HttpResponse<String> refused = admin.submitWithFile("/imports", "/imports", fields, "file", "legacy.csv", file);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"import-sku-error\"", "Code, Item", "value=\"StockCode\"",
                "value=\"Land\"");

        fields.put("sku", "Code");
        fields.put("timeFormat", "dd/MM/yyyy HH:mm");
        HttpResponse<String> wrongFormat = admin.submitWithFile("/imports", "/imports", fields, "file", "legacy.csv",
                file);
        assertThat(wrongFormat.statusCode()).isEqualTo(200);
        assertThat(wrongFormat.body()).contains("id=\"import-timeFormat-error\"", "value=\"dd/MM/yyyy HH:mm\"",
                "value=\"Code\"");

        fields.put("timeFormat", "yyyy-MM-dd HH:mm:ss");
        HttpResponse<String> started = admin.submitWithFile("/imports", "/imports", fields, "file", "legacy.csv", file);
        assertThat(started.statusCode()).isEqualTo(302);
        String page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.getFragment(page).body().contains("data-state=\"DONE\""));
        String done = admin.get(page).body();
        assertThat(done).contains("id=\"import-orders\">4<", "id=\"import-errors\"", "is 0: set mapping.zeroPrice");

        UUID customer = profiles.findByIdentity("user_id", tag + "-c1").orElseThrow().id();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE sku = ?").param(tag + "-WINE")
                .query(Long.class).single() == 4);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> recommendations.rebuild() != null);

        assertThat(admin.get("/customers/" + customer).body()).contains("id=\"recommendations\"",
                "/customers/" + customer + "/recommendations");
        String panel = admin.getFragment("/customers/" + customer + "/recommendations").body();
        assertThat(panel).contains("data-basis=\"PERSONAL\"");
        UUID wine = catalogue.item(Sku.of(tag + "-WINE")).orElseThrow().productId();
        String productPanel = admin.getFragment("/catalog/products/" + wine + "/recommendations").body();
        assertThat(productPanel).contains("data-sku=\"" + tag + "-GLASS\"", "Often bought together with WINE " + tag);
    }
}
