package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An officer works a verified rectification request in the console: the form offers each detail at its own field,
 * refuses an address that is no email at that field with what was typed kept, and saves the corrections.
 */
@PlatformTest
class PrivacyOfficerRectifyingACustomerInConsoleTests {

    @LocalServerPort
    int port;

    @Test
    void eachDetailHasItsFieldAndTheCorrectionsAreSaved() {
        Admin admin = new Admin(port);
        SubjectRequestFixture fixture = new SubjectRequestFixture(admin.api());
        String profile = fixture.customer("Orsolya");
        String id = fixture.verified("RECTIFICATION", profile).get("request").get("id").asString();
        ConsoleSession officer = new ConsoleSession(port);
        officer.signIn("admin@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        String page = "/privacy/requests/" + id;

        String form = officer.get(page).body();
        assertThat(form).contains("id=\"rectify-given\"", "id=\"rectify-family\"", "id=\"rectify-email\"",
                "id=\"rectify-phone\"", "name=\"givenName\"", "type=\"email\"", "maxlength=\"254\"");

        var refused = officer.submit(page, page + "/rectify", Map.of("givenName", "Orsi", "email", "not-an-email"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"not-an-email\"", "value=\"Orsi\"", "class=\"field-error\"");

        var saved = officer.submit(page, page + "/rectify", Map.of("givenName", "Orsi"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(admin.api().get("/api/customers/" + profile).json().get("profile").path("givenName").asString())
                .isEqualTo("Orsi");
    }
}
