package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff type what no form field can hold (letters for a number, a made-up choice, a broken id, a NUL character)
 * into the console's forms, each as the role that may use the form: every form answers with itself, the error at
 * the field and what was typed still there, never a server error.
 */
@PlatformTest
class StaffTypingUnconvertibleValuesIntoConsoleFormsTests {

    static final String ADMIN = "admin@tokaj-cellars.example";
    static final String MARKETER = "marketing@tokaj-cellars.example";
    static final String AGENT = "agent@tokaj-cellars.example";
    static final String ASSOCIATE = "budapest@tokaj-cellars.example";
    static final String BROKEN_ID = "0190f0f0-not-a-uuid";
    static final String NUL = "a\u0000b";

    @LocalServerPort
    int port;

    @Test
    void aMarketerTypingLettersAndMadeUpChoicesIntoThePricingFormsIsToldAtEachField() {
        var marketer = signedIn(MARKETER);
        SoftAssertions soft = new SoftAssertions();

        var promotion = marketer.submit("/pricing/promotions/new", "/pricing/promotions/new", fields(
                "name", "Autumn " + System.nanoTime(), "rewardType", "HALF_PRICE", "percent", "ten",
                "scope", "ORDER", "currency", "HUF", "minimumSpend", "lots", "stacking", "STACKABLE",
                "priority", "first", "perCustomerLimit", "two", "budgetCount", "many"));
        refusedAtFields(soft, promotion, "f-rewardType-error", "f-percent-error", "f-minimumSpend-error",
                "f-priority-error", "f-perCustomerLimit-error", "f-budgetCount-error");
        soft.assertThat(promotion.body()).contains("value=\"ten\"", "value=\"lots\"", "value=\"first\"",
                "value=\"two\"", "value=\"many\"");

        // A NUL character is refused for the whole request before any form sees it, naming the field.
        var nul = marketer.submit("/pricing/promotions/new", "/pricing/promotions/new", fields(
                "name", "Autumn", "rewardType", "PERCENT_OFF", "stacking", "STACKABLE", "budgetCount", NUL));
        soft.assertThat(nul.statusCode()).isEqualTo(400);
        soft.assertThat(nul.body()).contains("\"field\":\"budgetCount\"");

        var priceList = marketer.submit("/pricing/price-lists/new", "/pricing/price-lists/new", fields(
                "name", "Club " + System.nanoTime(), "currency", "HUF", "priority", "top"));
        refusedAtFields(soft, priceList, "f-priority-error");
        soft.assertThat(priceList.body()).contains("value=\"top\"");

        var batch = marketer.submit("/pricing/coupon-batches/new", "/pricing/coupon-batches/new", fields(
                "promotionId", BROKEN_ID, "name", "Broken " + System.nanoTime(), "kind", "SOMETIMES",
                "code", "", "prefix", "", "count", "many"));
        refusedAtFields(soft, batch, "f-promotionId-error", "f-kind-error", "f-count-error");
        soft.assertThat(batch.body()).contains("value=\"many\"");
        // A check of its own (a shared batch needs its code) still lands at its field beside the broken id.
        var shared = marketer.submit("/pricing/coupon-batches/new", "/pricing/coupon-batches/new", fields(
                "promotionId", BROKEN_ID, "name", "Shared " + System.nanoTime(), "kind", "SHARED", "code", "",
                "prefix", "", "count", ""));
        refusedAtFields(soft, shared, "f-promotionId-error", "f-code-error");

        var message = marketer.submit("/messages/new", "/messages/new", fields("name", "Harvest " + System.nanoTime(),
                "purpose", "GOSSIP", "smsText", "New vintage in store"));
        refusedAtFields(soft, message, "m-purpose-error");
        soft.assertThat(message.body()).contains("New vintage in store");
        var preview = marketer.submit("/messages/new", "/messages/preview", fields("name", "Harvest",
                "purpose", "GOSSIP", "smsText", "New vintage in store"));
        soft.assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        soft.assertThat(preview.body()).contains("New vintage in store");
        soft.assertAll();
    }

    @Test
    void anAgentChoosingAConsentPurposeThatDoesNotExistIsToldAtTheField() {
        String id = newCustomer();
        var agent = signedIn(AGENT);
        SoftAssertions soft = new SoftAssertions();
        var consent = agent.submit("/customers/" + id + "/consent", "/customers/" + id + "/consent", fields(
                "purpose", "TELEPATHY", "channel", "PIGEON", "granted", "perhaps"));
        refusedAtFields(soft, consent, "consent-purpose-error", "consent-channel-error", "consent-granted-error");
        soft.assertAll();
    }

    @Test
    void anAdminChoosingARoleThatDoesNotExistIsToldAtTheField() {
        var created = new Admin(port).api().post("/api/staff", Api.json(Map.of("email",
                "role-" + System.nanoTime() + "@tokaj-cellars.example", "displayName", "Kata",
                "role", "STORE_ASSOCIATE", "password", "first-password-123")));
        String id = created.json().get("id").asString();
        var admin = signedIn(ADMIN);
        SoftAssertions soft = new SoftAssertions();
        var assigned = admin.submit("/staff/" + id, "/staff/" + id, fields("displayName", "Kata Nagy",
                "role", "EMPEROR", "shopId", BROKEN_ID, "timeZone", "Europe/Budapest"));
        refusedAtFields(soft, assigned, "edit-role-error", "edit-shop-error");
        soft.assertThat(assigned.body()).contains("value=\"Kata Nagy\"");

        var newAccount = admin.submit("/staff", "/staff", fields("email", "nul-" + System.nanoTime()
                + "@tokaj-cellars.example", "displayName", "Kata", "role", "EMPEROR", "shopId", BROKEN_ID,
                "password", "first-password-123"));
        refusedAtFields(soft, newAccount, "new-role-error", "new-shop-error");

        var privacy = admin.submit("/privacy", "/privacy/requests", fields("kind", "EVERYTHING",
                "customer", "someone-" + System.nanoTime() + "@example.com", "receivedVia", "PIGEON",
                "details", "by phone"));
        refusedAtFields(soft, privacy);
        soft.assertThat(privacy.body()).contains("aria-invalid=\"true\"", "is not a valid value", "by phone");
        soft.assertAll();
    }

    @Test
    void anAssociateSendingABrokenShopIdIntoTheStockFormsIsToldAtTheField() {
        var associate = signedIn(ASSOCIATE);
        SoftAssertions soft = new SoftAssertions();
        for (String form : new String[] {"/inventory/receipts", "/inventory/counts", "/inventory/transfers"}) {
            var sent = associate.submit(form, form, fields("location", BROKEN_ID, "destination", BROKEN_ID,
                    "reference", "DN-77", "lines[0].sku", "X", "lines[0].quantity", "a dozen", "action", "add"));
            soft.assertThat(sent.statusCode()).as(form + ": " + sent.body()).isLessThan(500);
            soft.assertThat(sent.statusCode()).as(form).isEqualTo(200);
            soft.assertThat(sent.body()).as(form).contains("field-error", "value=\"DN-77\"", "value=\"a dozen\"");
        }
        soft.assertAll();
    }

    @Test
    void staffWhoseSessionAnAdministratorEndedAreToldSoOnTheSignInPage() throws Exception {
        assertThat(new ConsoleSession(port).get("/sign-in?ended").body())
                .contains("id=\"session-ended\"", "Your session was ended by an administrator; sign in again.");
        assertThat(new ConsoleSession(port).get("/sign-in").body()).doesNotContain("id=\"session-ended\"");
        var hungarian = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/sign-in?ended")).header("Accept-Language", "hu")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hungarian.body()).contains("A munkamenetét egy adminisztrátor lezárta; jelentkezzen be újra.");
    }

    private static void refusedAtFields(SoftAssertions soft, HttpResponse<String> response, String... errorIds) {
        soft.assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
        for (String errorId : errorIds) {
            soft.assertThat(response.body()).as(response.uri() + " shows " + errorId)
                    .contains("id=\"" + errorId + "\"");
        }
    }

    private String newCustomer() {
        var created = new Admin(port).api().post("/api/customers", Api.json(Map.of("givenName", "Consent",
                "email", "consent-" + System.nanoTime() + "@example.com")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private ConsoleSession signedIn(String email) {
        var session = new ConsoleSession(port);
        session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }
}
