package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A marketer edits a message written earlier: she adds a push variant and a second email variant for an A/B
 * test, is told at the field that the second email lacks its subject with everything she typed kept, sees the
 * push rendered as the phone shows it, and the saved message is the one the API serves.
 */
@PlatformTest
class MarketerEditingAMessageInConsoleTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void sheAddsAPushAndAnAbVariantIsToldWhatIsMissingAndSavesIt() {
        Admin admin = new Admin(port);
        String name = "Autumn tasting " + UUID.randomUUID();
        var created = admin.api().post("/api/messaging/messages", """
                {"name": "%s", "purpose": "marketing", "variants": [{"channel": "email", "subject": "Tasting",
                  "html": "<p>Dear {{givenName}}</p>", "text": "Dear {{givenName}}"},
                  {"channel": "sms", "text": "Tasting on Friday"}]}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        String edit = "/messages/" + id + "/edit";

        assertThat(marketer.get("/messages/" + id).body()).contains("href=\"" + edit + "\"");
        String page = marketer.get(edit).body();
        assertThat(page).contains("value=\"" + name + "\"", "Tasting on Friday", "name=\"v1.text\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("purpose", "MARKETING");
        form.put("v0.channel", "EMAIL");
        form.put("v0.key", "a");
        form.put("v0.subject", "Tasting");
        form.put("v0.html", "<p>Dear {{givenName}}</p>");
        form.put("v0.text", "Dear {{givenName}}");
        form.put("v1.channel", "SMS");
        form.put("v1.key", "a");
        form.put("v1.text", "Tasting on Friday");
        Map<String, String> adding = new LinkedHashMap<>(form);
        adding.put("add", "PUSH");
        String withPush = marketer.submit(edit, edit, adding).body();
        assertThat(withPush).contains("name=\"v2.channel\" value=\"PUSH\"", "name=\"v2.title\"");

        form.put("v2.channel", "PUSH");
        form.put("v2.key", "a");
        form.put("v2.title", "Hi {{givenName}}");
        form.put("v2.body", "Friday in the cellar");
        form.put("v2.link", "");
        form.put("v3.channel", "EMAIL");
        form.put("v3.key", "b");
        form.put("v3.subject", "");
        form.put("v3.html", "<p>Come, {{givenName}}</p>");
        form.put("v3.text", "Come");
        var refused = marketer.submit(edit, edit, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"v3-subject-error\"", "&lt;p&gt;Come, {{givenName}}&lt;/p&gt;",
                "Friday in the cellar");
        assertThat(refused.body()).as("the push rendered for the sample customer")
                .contains("id=\"preview-push\"", "Hi Anna");
        assertThat(admin.api().get("/api/messaging/messages/" + id).json().get("variants").size())
                .as("nothing saved").isEqualTo(2);

        var preview = marketer.submit(edit, edit + "/preview", form);
        assertThat(preview.body()).contains("id=\"preview-push\"", "id=\"preview-email\"", "id=\"preview-sms\"");

        form.put("v3.subject", "Come to the cellar");
        var saved = marketer.submit(edit, edit, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(marketer.get("/messages/" + id).body()).contains("Message " + name + " saved.");
        JsonNode message = admin.api().get("/api/messaging/messages/" + id).json();
        assertThat(message.get("variants").valueStream().map(variant -> variant.get("channel").asString() + ":"
                + variant.get("key").asString())).containsExactlyInAnyOrder("email:a", "sms:a", "push:a", "email:b");
    }
}
