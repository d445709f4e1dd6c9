package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Budapest associate books a delivery into her shop and sends goods to Debrecen, where they are received,
 * all through the console's forms: her shop is offered first, and a wrong quantity or a missing destination
 * comes back at its field with what she typed.
 */
@PlatformTest
class AssociateBookingGoodsInAndTransfersInConsoleTests {

    static final String ASSOCIATE = "budapest@tokaj-cellars.example";
    private static final Pattern TRANSFER_ROW = Pattern.compile("data-transfer=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Test
    void associateBooksADeliveryIntoHerOwnShop() {
        StockFixture stock = new StockFixture(port);
        String sku = "GIN-" + StockFixture.marker();
        stock.product("Hárslevelű " + sku, Map.of(sku, ""));
        String budapest = stock.locationId("shop-budapest");
        ConsoleSession console = signedIn();

        String page = console.get("/inventory/receipts").body();
        assertThat(page).containsPattern("<option value=\"" + budapest + "\"\\s+selected=\"selected\">Tokaj Cellars Budapest"
                + "|<option selected=\"selected\" value=\"" + budapest + "\">Tokaj Cellars Budapest");

        var added = console.submit("/inventory/receipts", "/inventory/receipts", fields(
                "location", budapest, "reference", "DN-501", "scan", sku.toLowerCase(), "action", "add"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"lines[0].sku\" value=\"" + sku + "\"", "Hárslevelű " + sku);

        var wrong = console.submit("/inventory/receipts", "/inventory/receipts", fields("location", budapest,
                "reference", "DN-501", "lines[0].sku", sku, "lines[0].quantity", "a dozen", "action", "book"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"receipt-quantity-0-error\"", "value=\"a dozen\"", "value=\"DN-501\"");
        assertThat(stock.onHand(sku, budapest)).isZero();

        var booked = console.submit("/inventory/receipts", "/inventory/receipts", fields("location", budapest,
                "reference", "DN-501", "lines[0].sku", sku, "lines[0].quantity", "12", "action", "book"));
        assertThat(booked.statusCode()).isEqualTo(302);
        assertThat(stock.onHand(sku, budapest)).isEqualTo(12);
        assertThat(console.get("/inventory/receipts").body()).contains("12 units booked into stock at Tokaj Cellars Budapest.");
    }

    @Test
    void associateDispatchesGoodsThatJoinTheOtherShopsStockOnlyWhenReceived() {
        StockFixture stock = new StockFixture(port);
        String sku = "TRF-" + StockFixture.marker();
        stock.product("Kabar " + sku, Map.of(sku, ""));
        String budapest = stock.locationId("shop-budapest");
        String debrecen = stock.locationId("shop-debrecen");
        stock.receive(sku, budapest, 5);
        ConsoleSession console = signedIn();

        var nowhere = console.submit("/inventory/transfers", "/inventory/transfers", fields("location", budapest,
                "destination", "", "lines[0].sku", sku, "lines[0].quantity", "2", "action", "dispatch"));
        assertThat(nowhere.statusCode()).isEqualTo(200);
        assertThat(nowhere.body()).contains("id=\"transfer-destination-error\"", "name=\"lines[0].quantity\" value=\"2\"");

        var tooMany = console.submit("/inventory/transfers", "/inventory/transfers", fields("location", budapest,
                "destination", debrecen, "lines[0].sku", sku, "lines[0].quantity", "9", "action", "dispatch"));
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(tooMany.body()).contains("id=\"transfer-quantity-0-error\"", "Only 5 on hand");

        var dispatched = console.submit("/inventory/transfers", "/inventory/transfers", fields("location", budapest,
                "destination", debrecen, "reference", "DN-9", "lines[0].sku", sku, "lines[0].quantity", "2",
                "action", "dispatch"));
        assertThat(dispatched.statusCode()).isEqualTo(302);
        assertThat(stock.onHand(sku, budapest)).isEqualTo(3);
        assertThat(stock.onHand(sku, debrecen)).isZero();

        HttpResponse<String> arriving = console.get("/inventory/transfers?at=" + debrecen);
        assertThat(arriving.body()).contains("2 × Kabar " + sku, "In transit", "Mark as received");
        Matcher row = TRANSFER_ROW.matcher(arriving.body());
        assertThat(row.find()).isTrue();
        var received = console.submit("/inventory/transfers?at=" + debrecen,
                "/inventory/transfers/" + row.group(1) + "/receive", Map.of());
        assertThat(received.statusCode()).isEqualTo(302);
        assertThat(stock.onHand(sku, debrecen)).isEqualTo(2);
        assertThat(console.get("/inventory/transfers?at=" + debrecen).body()).contains("Received");
    }

    @Test
    void staffWhoWorkInNoShopChooseTheLocationThemselvesAndAreToldWhenTheyForget() {
        StockFixture stock = new StockFixture(port);
        String sku = "NOSHOP-" + StockFixture.marker();
        stock.product("Cuvée " + sku, Map.of(sku, ""));
        ConsoleSession admin = new ConsoleSession(port);
        admin.signIn("admin@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);

        String page = admin.get("/inventory/counts").body();
        assertThat(page).containsPattern("<option value=\"\" selected=\"selected\">Choose a location…</option>")
                .doesNotContainPattern("<option value=\"[0-9a-f-]{36}\"\s+selected");

        var forgot = admin.submit("/inventory/counts", "/inventory/counts", fields("location", "",
                "lines[0].sku", sku, "lines[0].quantity", "3", "action", "review"));
        assertThat(forgot.statusCode()).isEqualTo(200);
        assertThat(forgot.body()).contains("id=\"count-location-error\"", "Choose a location.",
                "name=\"lines[0].quantity\" value=\"3\"");
    }

    private ConsoleSession signedIn() {
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        return console;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
