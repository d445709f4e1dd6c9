package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Outbox;
import io.throughline.messaging.SinkMessage;
import io.throughline.platform.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the Tokaj till says when it cannot do what the associate asked: each refusal at the field it concerns, in
 * words, with what was typed kept and the way out; and a payment sent twice sells once.
 */
@PlatformTest
class AssociateMeetingRefusalsAtTheTillTests {

    static final String TOKAJ = "tokaj@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    CustomerProfiles customers;

    @Test
    void aMistypedCodeIsExplainedAtTheCodeFieldAndTheShopIsRememberedOnTheDevice() {
        ConsoleSession associate = atTokajTill();

        var claimed = associate.submit("/till", "/till/claim", Map.of("code", "O0I1L"));

        assertThat(claimed.headers().firstValue("Location").orElse("")).endsWith("/till");
        String page = associate.get("/till").body();
        assertThat(page).contains("id=\"till-code-error\"").contains("seven letters and digits")
                .contains("value=\"O0I1L\"").contains("aria-invalid=\"true\"");

        associate.submit("/till", "/sign-out", Map.of());
        associate.signIn(TOKAJ, PlatformTest.DEMO_STAFF_PASSWORD);
        assertThat(associate.get("/till").body()).as("the device remembers its shop")
                .contains("id=\"till-claim\"").containsPattern("<h1>Till at [^<]*Tokaj");
    }

    @Test
    void aLineTheShopLacksBlocksThePaymentUntilSetToWhatTheShopHasAndAPaymentSentTwiceSellsOnce() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        String wine = carts.product("Refusal Hárslevelű", List.of("web", "shop-tokaj"), "800.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        carts.receive(wine, "shop-tokaj", 1);
        String cart = carts.anonymousCart("web");
        carts.added(cart, "web", wine, 3);
        String code = fixture.api.post("/api/carts/" + cart + "/handoff?channel=web", "").json().get("code")
                .asString();
        ConsoleSession associate = atTokajTill();

        var claimed = associate.submit("/till", "/till/claim", Map.of("code", code));
        String sale = claimed.headers().firstValue("Location").orElse("");
        assertThat(sale).endsWith("/till/sales/" + cart);
        String page = associate.get("/till/sales/" + cart).body();
        assertThat(page).contains("id=\"shortfalls\"").contains("3 × Refusal Hárslevelű: only 1 on this shop")
                .contains("Set the line to what this shop has, or remove it").contains("id=\"pay-blocked\"");

        var tooMany = associate.submitFromPage(page, "/till/sales/" + cart + "/lines/" + wine,
                Map.of("quantity", "2"));
        assertThat(tooMany.headers().firstValue("Location").orElse("")).endsWith("/till/sales/" + cart);
        page = associate.get("/till/sales/" + cart).body();
        assertThat(page).contains("Not enough on this shop’s shelf").contains("value=\"2\"");

        associate.submitFromPage(page, "/till/sales/" + cart + "/lines/" + wine, Map.of("quantity", "1"));
        page = associate.get("/till/sales/" + cart).body();
        assertThat(page).doesNotContain("id=\"shortfalls\"").doesNotContain("id=\"pay-blocked\"")
                .contains("On this shop’s shelf");
        String key = page.replaceAll("(?s).*id=\"pay-card\".*?name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> card = Map.of("method", "CARD_PRESENT", "idempotencyKey", key);

        HttpResponse<String> paid = associate.submitFromPage(page, "/till/sales/" + cart + "/pay", card);
        HttpResponse<String> again = associate.submitFromPage(page, "/till/sales/" + cart + "/pay", card);

        String receipt = paid.headers().firstValue("Location").orElse("");
        assertThat(receipt).contains("/till/receipts/");
        assertThat(again.headers().firstValue("Location").orElse("")).isEqualTo(receipt);
        JsonNode order = fixture.api.get("/api/orders/" + receipt.substring(receipt.lastIndexOf('/') + 1)).json();
        assertThat(order.get("channel").asString()).isEqualTo("shop-tokaj");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(order.get("payments").get(0).get("method").asString()).isEqualTo("CARD_PRESENT");
        assertThat(associate.get(receipt.replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"receipt\"")
                .contains("Refusal Hárslevelű");
    }

    @Test
    void theReceiptGoesToHerEmailOnceHoweverOftenItIsAskedFor() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        String wine = carts.product("Receipt Kabar", List.of("app", "shop-tokaj"), "650.00");
        carts.receive(wine, "shop-tokaj", 3);
        String profile = carts.customer();
        String email = customers.get(java.util.UUID.fromString(profile)).email();
        String cart = fixture.cartWith("app", profile, wine, 1);
        String code = fixture.api.post("/api/carts/" + cart + "/handoff?channel=app", "").json().get("code")
                .asString();
        ConsoleSession associate = atTokajTill();
        associate.submit("/till", "/till/claim", Map.of("code", code));
        String page = associate.get("/till/sales/" + cart).body();
        String key = page.replaceAll("(?s).*id=\"pay-card\".*?name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        String receipt = associate.submitFromPage(page, "/till/sales/" + cart + "/pay",
                Map.of("method", "CARD_PRESENT", "idempotencyKey", key)).headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
        String orderId = receipt.substring(receipt.lastIndexOf('/') + 1);
        String number = fixture.api.get("/api/orders/" + orderId).json().get("number").asString();
        assertThat(associate.get(receipt).body()).contains("id=\"mail-receipt\"").contains(email);

        associate.submit(receipt, receipt + "/email", Map.of());
        associate.submit(receipt, receipt + "/email", Map.of());

        assertThat(associate.get(receipt).body()).contains("id=\"mail-notice\"").contains("on its way to " + email);
        List<SinkMessage> sent = outbox.sink(MessageChannel.EMAIL, new PageRequest(0, PageRequest.MAX_SIZE)).items()
                .stream().filter(message -> message.recipient().equals(email)).toList();
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.subject()).contains(number);
            assertThat(message.text()).contains("1 × Receipt Kabar").contains("Réka");
        });
    }

    @Test
    void aSaleStartedAtTheCounterIsScannedAndBecomesTheCustomersFoundByHerEmail() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        String wine = carts.product("Counter Juhfark", List.of("shop-tokaj"), "720.00");
        carts.receive(wine, "shop-tokaj", 2);
        String profile = carts.customer();
        String email = customers.get(java.util.UUID.fromString(profile)).email();
        ConsoleSession associate = atTokajTill();

        String sale = associate.submit("/till", "/till/sales", Map.of("currency", CartFixture.CURRENCY)).headers()
                .firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(associate.get(sale).body()).contains("Sale without a customer");
        var nothing = associate.submit(sale, sale + "/scan", Map.of("q", "no such wine anywhere"));
        assertThat(nothing.headers().firstValue("Location").orElse("")).endsWith(sale);
        assertThat(associate.get(sale).body()).contains("Nothing this shop sells matches")
                .contains("value=\"no such wine anywhere\"");
        associate.submit(sale, sale + "/scan", Map.of("q", wine.toLowerCase()));
        assertThat(associate.get(sale).body()).contains("data-sku=\"" + wine + "\"").contains("On this shop’s shelf");

        String found = associate.get(sale + "?who=" + java.net.URLEncoder.encode(email,
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(found).contains("id=\"matches\"").contains("Réka Tóth");
        var attached = associate.submitFromPage(found, sale + "/customer", Map.of("profile", profile));

        String hers = attached.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(associate.get(hers).body()).contains("Sale for Réka Tóth").contains("data-sku=\"" + wine + "\"");
        assertThat(fixture.api.get("/api/carts/" + hers.substring(hers.lastIndexOf('/') + 1) + "?channel=shop-tokaj")
                .json().get("profileId").asString()).isEqualTo(profile);
    }

    @Test
    void theTillOpensAtTheShopHerStaffAccountNames() {
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn(TOKAJ, PlatformTest.DEMO_STAFF_PASSWORD);

        assertThat(associate.get("/till").body()).contains("id=\"till-claim\"").containsPattern("<h1>Till at [^<]*Tokaj");
    }

    private ConsoleSession atTokajTill() {
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn(TOKAJ, PlatformTest.DEMO_STAFF_PASSWORD);
        var chosen = associate.submit("/till", "/till/shop", Map.of("shop", "shop-tokaj"));
        assertThat(chosen.statusCode()).isEqualTo(302);
        return associate;
    }
}
