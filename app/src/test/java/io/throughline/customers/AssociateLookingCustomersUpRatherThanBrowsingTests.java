package io.throughline.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A store associate finds the customer in front of her by email, phone or name; she does not page through
 * everyone's personal data (unless the brand sets throughline.console.associates-browse-customers).
 */
@PlatformTest
class AssociateLookingCustomersUpRatherThanBrowsingTests {

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersHerLookUpButNotAListOfEveryone() {
        Api admin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        String email = "zsofia-" + System.nanoTime() + "@example.com";
        assertThat(admin.post("/api/customers", Api.json(Map.of("givenName", "Zsófia", "familyName", "Kertész",
                "email", email))).status()).isEqualTo(201);
        Admin staff = new Admin(port);
        Api associate = Api.at(port).withToken(staff.tokenFor("STORE_ASSOCIATE"));
        Api agent = Api.at(port).withToken(staff.tokenFor("AGENT"));

        for (String everyone : new String[] {"/api/customers", "/api/customers?page=3", "/api/customers?q=zs",
                "/api/customers?q=%20%20%20&size=100"}) {
            var refused = associate.get(everyone);
            assertThat(refused.status()).as(everyone + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        }
        var found = associate.get("/api/customers?q=" + email);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(associate.get("/api/customers?q=Kert").status()).isEqualTo(200);
        assertThat(associate.get("/api/customers?identity=email:" + email).json().get("items")).hasSize(1);

        assertThat(agent.get("/api/customers").status()).isEqualTo(200);
        assertThat(admin.get("/api/customers").json().get("items")).isNotEmpty();
    }

    @Test
    void theConsoleListWaitsForHerToTypeALookUp() {
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn("budapest@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);

        var everyone = associate.get("/customers");
        assertThat(everyone.statusCode()).isEqualTo(200);
        assertThat(everyone.body()).contains("id=\"look-up-only\"").doesNotContain("id=\"customers\"");
        var looked = associate.get("/customers?q=tokaj");
        assertThat(looked.statusCode()).isEqualTo(200);
        assertThat(looked.body()).doesNotContain("id=\"look-up-only\"");

        ConsoleSession agent = new ConsoleSession(port);
        agent.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        assertThat(agent.get("/customers").body()).contains("id=\"customers\"").doesNotContain("look-up-only");
    }
}
