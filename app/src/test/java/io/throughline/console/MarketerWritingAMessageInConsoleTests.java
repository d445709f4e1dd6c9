package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A marketer writes a message in the console: the preview renders the email for the sample customer and
 * counts the SMS's segments (a Hungarian ő makes it UCS-2), an email without its plain text is refused at
 * that field with everything kept, and the saved message is the one the API serves.
 */
@PlatformTest
class MarketerWritingAMessageInConsoleTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void thePreviewRendersTheEmailAndCountsTheSmsSegments() {
        var marketer = signedIn();
        String sms = "Kedves {{givenName}}, új szüret érkezett, kóstolja meg a pincében! " + "Tokaji aszú ".repeat(3);
        var preview = marketer.submit("/messages/new", "/messages/preview", Map.of("name", "Harvest",
                "purpose", "MARKETING", "emailSubject", "Hello {{givenName}}",
                "emailHtml", "<h1>Dear {{givenName}}</h1><p>The new vintage is here.</p>",
                "emailText", "Dear {{givenName}}", "smsText", sms));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview-email\"", "Hello Anna", "sandbox=\"\"",
                        "id=\"preview-sms\"", "Kedves Anna")
                .contains("characters in UCS-2, 2 segments");
        // The email in a frame of its own, whose policy lets remote images in and still runs no script.
        String frame = preview.body().replaceAll("(?s).*class=\"email-preview\"[^>]*src=\"([^\"]+)\".*", "$1");
        assertThat(frame).startsWith("/messages/preview-frames/");
        var email = marketer.get(frame);
        assertThat(email.statusCode()).isEqualTo(200);
        assertThat(email.body()).contains("<h1>Dear Anna</h1>");
        String policy = email.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("img-src https: http: data:").contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(marketer.get("/messages").headers().firstValue("Content-Security-Policy").orElse(""))
                .as("the console itself keeps its own policy").contains("img-src 'self' data:");
        var gsm = marketer.submit("/messages/new", "/messages/preview", Map.of("name", "Short",
                "purpose", "TRANSACTIONAL", "smsText", "Your order is ready."));
        assertThat(gsm.body()).contains("20 characters in GSM-7, 1 segment").doesNotContain("preview-email");
    }

    @Test
    void anEmailWithoutItsPlainTextIsRefusedAtThatFieldAndTheCompleteOneIsSaved() {
        var marketer = signedIn();
        String name = "Cellar evening " + System.nanoTime();
        var refused = marketer.submit("/messages/new", "/messages/new", Map.of("name", name,
                "purpose", "MARKETING", "emailSubject", "Come to the cellar", "emailHtml", "<p>Friday at 7</p>",
                "emailText", "", "smsText", "Friday at 7 in the cellar"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"m-emailText-error\"", "needs its subject, HTML and plain text",
                "value=\"" + name + "\"", "Friday at 7 in the cellar", "id=\"preview-sms\"");
        var nothing = marketer.submit("/messages/new", "/messages/new", Map.of("name", name, "purpose", "MARKETING"));
        assertThat(nothing.statusCode()).as(nothing.headers().map().toString()).isEqualTo(200);
        assertThat(nothing.body()).contains("id=\"form-error\"", "a message needs at least one channel");

        var created = marketer.submit("/messages/new", "/messages/new", Map.of("name", name,
                "purpose", "MARKETING", "emailSubject", "Come to the cellar", "emailHtml", "<p>Friday at 7</p>",
                "emailText", "Friday at 7", "smsText", "Friday at 7 in the cellar"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(marketer.get(path).body()).contains("Message " + name + " created.");
        var message = new Admin(port).api().get("/api/messaging" + path).json();
        assertThat(message.get("name").asString()).isEqualTo(name);
        assertThat(message.get("variants").size()).isEqualTo(2);
    }

    private ConsoleSession signedIn() {
        var session = new ConsoleSession(port);
        session.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }
}
