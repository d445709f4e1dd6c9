package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A marketer opens a price list, sets a SKU's price on it and makes a coupon batch in the console's forms; each
 * wrong value comes back at its field with what was typed, and roles that may not price are kept out.
 */
@PlatformTest
class MarketerPricingInConsoleFormsTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";
    static final String AGENT = "agent@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void marketerOpensAPriceListAndSetsAPriceAfterTheFormSaysWhatIsWrong() {
        var marketer = signedIn(MARKETER);
        var refused = marketer.submit("/pricing/price-lists/new", "/pricing/price-lists/new", Map.of(
                "name", "Wine club " + System.nanoTime(), "currency", "HU", "channels", "web, App Store",
                "customerGroup", "wine-club", "priority", "5"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"f-currency-error\"", "value=\"HU\"", "value=\"wine-club\"");

        String name = "Wine club " + System.nanoTime();
        var created = marketer.submit("/pricing/price-lists/new", "/pricing/price-lists/new", Map.of(
                "name", name, "currency", "huf", "channels", "web, app", "customerGroup", "wine-club",
                "priority", "5"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String listPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(marketer.get(listPath).body()).contains("Price list " + name + " created.");
        String listId = listPath.substring(listPath.lastIndexOf('/') + 1);
        var list = new Admin(port).api().get("/api/pricing/price-lists/" + listId).json();
        assertThat(list.get("currency").asString()).isEqualTo("HUF");
        assertThat(list.get("channels").valueStream().map(channel -> channel.asString())).containsExactly("web", "app");

        var negative = marketer.submit(listPath + "/prices/new", listPath + "/prices/new", Map.of("sku", "TOK-ASZU-5",
                "price", "-10"));
        assertThat(negative.statusCode()).isEqualTo(200);
        assertThat(negative.body()).contains("id=\"f-price-error\"", "value=\"TOK-ASZU-5\"");
        var notANumber = marketer.submit(listPath + "/prices/new", listPath + "/prices/new", Map.of("sku",
                "TOK-ASZU-5", "price", "cheap"));
        assertThat(notANumber.body()).contains("id=\"f-price-error\"", "is not a number", "value=\"cheap\"");

        var saved = marketer.submit(listPath + "/prices/new", listPath + "/prices/new", Map.of("sku", "TOK-ASZU-5",
                "price", "12990"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var prices = new Admin(port).api().get("/api/pricing/price-lists/" + listId + "/prices").body();
        assertThat(prices).contains("TOK-ASZU-5", "12990");
    }

    @Test
    void marketerMakesACouponBatchOnceTheCodeIsGiven() {
        var marketer = signedIn(MARKETER);
        String page = marketer.get("/pricing/coupon-batches/new").body();
        java.util.regex.Matcher welcome = java.util.regex.Pattern
                .compile("<option value=\"([0-9a-f-]{36})\">app welcome campaign</option>").matcher(page);
        assertThat(welcome.find()).isTrue();
        String name = "Phone apology " + System.nanoTime();

        var missingCode = marketer.submit("/pricing/coupon-batches/new", "/pricing/coupon-batches/new", Map.of(
                "promotionId", welcome.group(1), "name", name, "kind", "SHARED", "code", "", "prefix", "",
                "count", ""));
        assertThat(missingCode.statusCode()).isEqualTo(200);
        assertThat(missingCode.body()).contains("id=\"f-code-error\"", "a shared batch needs its code",
                "value=\"" + name + "\"");

        String code = "CALL" + (System.nanoTime() % 1_000_000);
        var created = marketer.submit("/pricing/coupon-batches/new", "/pricing/coupon-batches/new", Map.of(
                "promotionId", welcome.group(1), "name", name, "kind", "SHARED", "code", code, "prefix", "",
                "count", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(marketer.get("/pricing/coupon-batches").body()).contains("Coupon batch " + name + " created.",
                "Shared code " + code);
    }

    @Test
    void agentsMayReadPricesButNotChangeThem() {
        var agent = signedIn(AGENT);
        assertThat(agent.get("/pricing/promotions").statusCode()).isEqualTo(200);
        assertThat(agent.get("/pricing/promotions").body()).doesNotContain("id=\"new-promotion\"");
        assertThat(agent.get("/pricing/promotions/new").statusCode()).isEqualTo(403);
        assertThat(agent.get("/pricing/price-lists/new").statusCode()).isEqualTo(403);
    }

    private ConsoleSession signedIn(String email) {
        var session = new ConsoleSession(port);
        session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }
}
