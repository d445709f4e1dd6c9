package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A marketing email over real SMTP (GreenMail on a random port). The shared platform is pointed at it through
 * the run-time channel settings, not through test properties, so the suite keeps its one Spring context.
 */
@PlatformTest
class MarketerEmailingACustomerTests {

    private static final String WELCOME = """
            {"name": "Welcome %s", "purpose": "marketing", "variants": [{"channel": "email",
              "subject": "Welcome, {{givenName}}!",
              "html": "<html><body><p>Hello {{givenName}}, see <a href=\\"https://shop.example/new?from=mail&amp;x=1\\">our new wines</a>.</p></body></html>",
              "text": "Hello {{givenName}}, see https://shop.example/new"}]}""";

    @LocalServerPort
    int port;

    GreenMail smtp;
    Admin admin;
    MessagingFixtures fixtures;

    @BeforeEach
    void smtpServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        admin = new Admin(port);
        fixtures = new MessagingFixtures(admin.api());
        fixtures.settings(Map.of("smtp-host", "127.0.0.1", "smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                "mail-from", "shop@tokaj-cellars.example", "public-base-url", "http://127.0.0.1:" + port));
    }

    @AfterEach
    void backToTheLocalSink() {
        fixtures.settings(Map.of("smtp-host", "", "public-base-url", ""));
        smtp.stop();
    }

    @Test
    void theMailArrivesWithBothBodiesAndOneClickUnsubscribeWhichRefusesTheNextMarketingSend() throws Exception {
        String email = fixtures.uniqueEmail("eva");
        String profile = fixtures.customer(Map.of("givenName", "Éva", "email", email));
        fixtures.consent(profile, "email", true);
        String message = fixtures.message(WELCOME.formatted(System.nanoTime()));

        var sent = fixtures.send(message, profile, "email", "");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("sent");
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Welcome, Éva!");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        Map<String, String> bodies = bodies(mail);
        assertThat(bodies.get("text/plain")).startsWith("Hello Éva, see https://shop.example/new")
                .contains("Unsubscribe: http://127.0.0.1:" + port + "/m/u/");
        assertThat(bodies.get("text/html")).contains("<p>Hello Éva, see <a href=\"http://127.0.0.1:" + port + "/m/c/")
                .doesNotContain("https://shop.example/new").contains("/m/o/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String listUnsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(listUnsubscribe).matches("<http://127\\.0\\.0\\.1:" + port + "/m/u/[A-Za-z0-9_-]+>")
                .doesNotContain(profile).doesNotContain("eva");

        // The mail client's one-click unsubscribe, as RFC 8058 has it: a POST with no cookie and no CSRF token.
        String unsubscribePath = listUnsubscribe.substring(listUnsubscribe.indexOf("/m/u/"),
                listUnsubscribe.length() - 1);
        var unsubscribed = Api.at(port).send(Api.at(port).request(unsubscribePath)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(unsubscribed.status()).isEqualTo(200);

        JsonNode consents = admin.api().get("/api/customers/" + profile).json().get("consents");
        JsonNode marketingEmail = consents.valueStream().filter(consent -> consent.get("purpose").asString()
                .equals("marketing") && consent.get("channel").asString().equals("email")).findFirst().orElseThrow();
        assertThat(marketingEmail.get("granted").asBoolean()).isFalse();
        assertThat(marketingEmail.get("source").asString()).isEqualTo("unsubscribe:email");

        var refused = fixtures.send(message, profile, "email", "");
        assertThat(refused.json().get("status").asString()).isEqualTo("refused");
        assertThat(refused.json().get("reason").asString())
                .isEqualTo("marketing consent for email refused (unsubscribe:email)");
        assertThat(smtp.waitForIncomingEmail(500, 2)).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Message Sent", "Unsubscribed"));
    }

    @Test
    void opensAndClicksAreRecordedAndAClickLeadsOnlyToAUrlTheMessageHeld() throws Exception {
        String profile = fixtures.customer(Map.of("givenName", "Zoltán", "email", fixtures.uniqueEmail("zoltan")));
        fixtures.consent(profile, "email", true);
        String message = fixtures.message(WELCOME.formatted(System.nanoTime()));
        String delivery = fixtures.send(message, profile, "email", "").json().get("id").asString();
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        String html = bodies(smtp.getReceivedMessages()[0]).get("text/html");
        String click = path(html, "/m/c/");
        String open = path(html, "/m/o/");

        var pixel = Api.at(port).get(open);
        var redirect = Api.at(port).get(click);
        var tampered = Api.at(port).get(click.substring(0, click.length() - 2) + "xx");
        var unsigned = Api.at(port).get("/m/c/aHR0cHM6Ly9ldmlsLmV4YW1wbGU");

        assertThat(pixel.status()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("https://shop.example/new?from=mail&x=1");
        assertThat(tampered.status()).isEqualTo(404);
        assertThat(tampered.header("Location")).isEmpty();
        assertThat(unsigned.status()).isEqualTo(404);
        JsonNode recorded = admin.api().get("/api/messaging/deliveries/" + delivery).json();
        assertThat(recorded.has("openedAt")).isTrue();
        assertThat(recorded.has("clickedAt")).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Message Opened", "Message Clicked"));
    }

    private static String path(String html, String prefix) {
        Matcher found = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]+").matcher(html);
        assertThat(found.find()).as(html).isTrue();
        return found.group();
    }

    /** The text parts of the mail by content type, however the parts are nested. */
    private static Map<String, String> bodies(Part part) throws Exception {
        Map<String, String> bodies = new HashMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                bodies.putAll(bodies(child));
            }
        } else if (part.isMimeType("text/plain")) {
            bodies.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            bodies.put("text/html", (String) part.getContent());
        }
        return bodies;
    }
}
