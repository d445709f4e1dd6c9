package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff who serve customers create a customer in the console's form and add notes to her thread; wrong input
 * comes back at its field with what was typed; the list leaves anonymous visitors out unless asked and shows
 * each customer's channels; the API takes notes too and names the field it refuses.
 */
@PlatformTest
class StaffCreatingCustomersAndNotesInConsoleTests {

    static final String ASSOCIATE = "budapest@tokaj-cellars.example";
    static final String MARKETER = "marketing@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void anAssociateCreatesACustomerAfterBeingToldWhatIsMissing() {
        var associate = signedIn(ASSOCIATE);
        var empty = associate.submit("/customers/new", "/customers/new", Map.of("givenName", " ",
                "familyName", "", "email", "", "phone", ""));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"customer-form-error\"",
                "Give at least a name, an email or a phone number.");

        var badPhone = associate.submit("/customers/new", "/customers/new", Map.of("givenName", "Bence",
                "familyName", "Varga", "email", "", "phone", "12"));
        assertThat(badPhone.body()).contains("id=\"customer-phone-error\"", "value=\"Bence\"", "value=\"Varga\"",
                "value=\"12\"");

        String email = "bence-" + System.nanoTime() + "@example.com";
        var created = associate.submit("/customers/new", "/customers/new", Map.of("givenName", "Bence",
                "familyName", "Varga", "email", email, "phone", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(associate.get(location.replaceFirst("^https?://[^/]+", "")).body())
                .contains("Customer created.", "Bence Varga", email);

        var taken = associate.submit("/customers/new", "/customers/new", Map.of("givenName", "Other",
                "familyName", "", "email", email, "phone", ""));
        assertThat(taken.body()).contains("id=\"customer-email-error\"", "another customer already has this email");
    }

    @Test
    void aBlankNoteIsRefusedAtItsFieldAndAWrittenOneLandsOnTheTimeline() {
        String id = newCustomer("Noémi");
        var associate = signedIn(ASSOCIATE);
        var blank = associate.submit("/customers/" + id + "/notes", "/customers/" + id + "/notes",
                Map.of("text", "   "));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"note-text-error\"");

        var added = associate.submit("/customers/" + id + "/notes", "/customers/" + id + "/notes",
                Map.of("text", "Picked the Furmint for a wedding."));
        assertThat(added.statusCode()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> new Admin(port).timelineLabels(id).contains("Note Added"));
        String timeline = new Admin(port).api().get("/api/customers/" + id + "/timeline").body();
        assertThat(timeline).contains("Picked the Furmint for a wedding.");
    }

    @Test
    void theApiTakesNotesAndNamesTheFieldItRefuses() {
        String id = newCustomer("Panna");
        Api api = new Admin(port).api();
        var refused = api.post("/api/customers/" + id + "/notes", Api.json(Map.of("text", "")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        var tooLong = api.post("/api/customers/" + id + "/notes", Api.json(Map.of("text", "x".repeat(2001))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api.post("/api/customers/" + id + "/notes", Api.json(Map.of("text", "Called back.")))
                .status()).isEqualTo(201);
        assertThat(Api.at(port).withToken(new Admin(port).tokenFor("MARKETER"))
                .post("/api/customers/" + id + "/notes", Api.json(Map.of("text", "Hi"))).status()).isEqualTo(403);
    }

    @Test
    void theListLeavesAnonymousVisitorsOutUnlessAskedAndShowsTheirChannels() {
        String anonymousId = "visitor-" + System.nanoTime();
        var web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        assertThat(web.send("track", "{\"anonymousId\": \"" + anonymousId + "\", \"event\": \"Product Viewed\"}")
                .status()).isEqualTo(200);
        String visitor = new Admin(port).profileOf("anonymous_id:" + anonymousId);
        String known = newCustomer("Hanna");

        var marketer = signedIn(MARKETER);
        java.util.regex.Pattern visitorRow = java.util.regex.Pattern.compile(
                "data-id=\"" + visitor + "\">.*?Anonymous visitor.*?<td>web</td>", java.util.regex.Pattern.DOTALL);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> visitorRow.matcher(marketer.get("/customers?anonymous=true").body()).find());
        String knownOnly = marketer.get("/customers").body();
        assertThat(knownOnly).doesNotContain("data-id=\"" + visitor + "\"").contains("data-id=\"" + known + "\"");
        assertThat(marketer.get("/customers/new").statusCode()).isEqualTo(403);
    }

    private String newCustomer(String name) {
        var created = new Admin(port).api().post("/api/customers", Api.json(Map.of("givenName", name,
                "email", name.toLowerCase() + "-" + System.nanoTime() + "@example.com")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ConsoleSession signedIn(String email) {
        var session = new ConsoleSession(port);
        session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }
}
