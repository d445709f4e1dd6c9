package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Marketers read messages, their previews and the local sink in the console; agents see a customer's log. */
@PlatformTest
class MarketerReviewingMessagesInConsoleTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";
    static final String AGENT = "agent@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void theDemoMessagesAreListedAndEachVariantIsPreviewedForASampleCustomer() {
        var console = new ConsoleSession(port);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);

        // Other scenarios add messages to the shared platform, so the reminder may be on a later page.
        String listed = "";
        for (int page = 0; page < 20 && !listed.contains(">Kosáremlékeztető<"); page++) {
            var list = console.get("/messages?page=" + page);
            assertThat(list.statusCode()).isEqualTo(200);
            listed = list.body();
        }
        assertThat(listed).contains("Kosáremlékeztető", "Email, SMS ×2, Push");
        String id = listed.replaceAll("(?s).*href=\"/messages/([0-9a-f-]{36})\">Kosáremlékeztető<.*", "$1");

        var detail = console.get("/messages/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("SMS · variant b", "Anna, a kosarad még vár",
                "Tokaj Cellars: 48 óráig megőrizzük a kosarad.", "UCS-2 units, 1 segment");
    }

    @Test
    void theLocalSinkShowsWhatWasKeptAndCustomer360ShowsTheCustomersMessages() {
        var admin = new Admin(port);
        String email = "sinked-" + UUID.randomUUID() + "@example.com";
        String profile = admin.api().post("/api/customers", Api.json(Map.of("givenName", "Irén", "email", email)))
                .json().get("id").asString();
        String message = admin.api().post("/api/messaging/messages", """
                {"name": "Console receipt %s", "purpose": "transactional", "variants": [{"channel": "email",
                  "subject": "Receipt for {{givenName}}", "html": "<p>x</p>", "text": "Thanks"}]}"""
                .formatted(System.nanoTime())).json().get("id").asString();
        admin.api().post("/api/messaging/messages/" + message + "/send",
                "{\"profileId\":\"" + profile + "\",\"channel\":\"email\"}");
        var marketer = new ConsoleSession(port);
        marketer.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        var agent = new ConsoleSession(port);
        agent.signIn(AGENT, PlatformTest.DEMO_STAFF_PASSWORD);

        assertThat(marketer.get("/messages/sink").body()).contains(email, "Receipt for Irén");
        assertThat(agent.get("/messages/sink").statusCode()).isEqualTo(403);
        assertThat(agent.get("/customers/" + profile).body()).contains("/messages/customers/" + profile);
        var log = agent.get("/messages/customers/" + profile);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("Console receipt", "Email", "sent").doesNotContain("<html");
    }
}
