package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A customer opens her preference centre from the link in a marketing email (real SMTP through GreenMail), without
 * signing in, and changes her consent herself; each change keeps its proof. With double opt-in on, email
 * marketing waits for her to confirm from her mailbox.
 */
@PlatformTest
class CustomerManagingHerOwnConsentTests {

    private static final Pattern PREFERENCES_LINK = Pattern.compile("/m/preferences/[A-Za-z0-9_-]+");
    private static final Pattern CONFIRM_LINK = Pattern.compile("/m/preferences/confirm/[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    GreenMail smtp;
    Admin admin;
    SubjectRequestFixture fixture;

    @BeforeEach
    void smtpServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        admin = new Admin(port);
        fixture = new SubjectRequestFixture(admin.api());
        settings(Map.of("smtp-host", "127.0.0.1", "smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                "mail-from", "shop@tokaj-cellars.example", "public-base-url", "http://127.0.0.1:" + port));
    }

    @AfterEach
    void backToTheLocalSink() {
        settings(Map.of("smtp-host", "", "public-base-url", ""));
        admin.api().patch("/api/privacy/settings", "{\"emailDoubleOptIn\":false}");
        smtp.stop();
    }

    @Test
    void fromTheLinkInAMarketingMailSheChangesHerChoicesInHungarianAndEachChangeKeepsItsProof() throws Exception {
        String profile = fixture.customer("Reka");
        String link = preferencesLinkFromAMarketingMail(profile);

        var page = Api.at(port).get(link + "?lang=hu");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Értesítési beállításai").contains("value=\"marketing.sms\"")
                .doesNotContain("Reka").doesNotContain("reka-");

        var saved = post(link, "lang=hu&choice=marketing.email&choice=marketing.sms&choice=personalization.email");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Beállításait mentettük.");
        assertThat(granted(profile, "marketing", "sms")).isTrue();
        assertThat(consent(profile, "marketing", "sms").get("source").asString()).isEqualTo("preference-centre");

        // Later, from the same link, she withdraws text messages.
        post(link, "lang=hu&choice=marketing.email&choice=personalization.email");
        assertThat(granted(profile, "marketing", "sms")).isFalse();
        assertThat(granted(profile, "marketing", "email")).isTrue();

        JsonNode proofs = admin.api().get("/api/privacy/consent-proofs?profileId=" + profile).json();
        assertThat(proofs.valueStream().filter(proof -> proof.get("channel").asString().equals("sms"))
                .map(proof -> proof.get("change").asString())).containsExactly("GRANTED", "WITHDRAWN");
        assertThat(proofs.valueStream().map(proof -> proof.get("language").asString())).containsOnly("hu");
        assertThat(proofs.valueStream().map(proof -> proof.get("wordingVersion").asString()))
                .containsOnly("2026-12-07");
        assertThat(proofs.valueStream().map(proof -> proof.get("source").asString()))
                .containsOnly("preference-centre");
    }

    @Test
    void thePageSpeaksPolishAndSlovakAndATamperedLinkOpensNothing() {
        String profile = fixture.customer("Jana");
        String link = preferencesLinkFromAMarketingMail(profile);

        assertThat(Api.at(port).get(link + "?lang=pl").body()).contains("Twoje preferencje komunikacji");
        assertThat(Api.at(port).send(Api.at(port).request(link).header("Accept-Language", "sk-SK,sk;q=0.9").GET())
                .body()).contains("Vaše nastavenia komunikácie");

        // A character inside the signature, not the last one: base64's last character carries padding bits that
        // some changes leave without effect on the bytes.
        int at = link.length() - 6;
        char original = link.charAt(at);
        String tampered = link.substring(0, at) + (original == 'A' ? 'B' : 'A') + link.substring(at + 1);
        var refused = post(tampered, "choice=marketing.sms");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(granted(profile, "marketing", "sms")).isFalse();
    }

    @Test
    void withDoubleOptInEmailConsentIsGrantedOnlyOnceSheConfirmsFromHerMailbox() throws Exception {
        String profile = fixture.customer("Beata");
        String link = preferencesLinkFromAMarketingMail(profile);
        post(link, "lang=pl");
        assertThat(granted(profile, "marketing", "email")).isFalse();
        assertThat(admin.api().patch("/api/privacy/settings", "{\"emailDoubleOptIn\":true}").status())
                .isEqualTo(200);

        var saved = post(link, "lang=pl&choice=marketing.email");

        assertThat(saved.body()).contains("Wysłaliśmy Ci e-mail");
        assertThat(granted(profile, "marketing", "email")).isFalse();
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage confirmation = smtp.getReceivedMessages()[1];
        assertThat(confirmation.getSubject()).isEqualTo("Potwierdź swoją subskrypcję");
        Matcher found = CONFIRM_LINK.matcher(text(confirmation));
        assertThat(found.find()).isTrue();
        String confirm = found.group();

        // A mail scanner's GET confirms nothing; her press of the button does.
        assertThat(Api.at(port).get(confirm).status()).isEqualTo(200);
        assertThat(granted(profile, "marketing", "email")).isFalse();
        var confirmed = post(confirm, "lang=pl");
        assertThat(confirmed.body()).contains("Twoja subskrypcja e-mail została potwierdzona");
        assertThat(granted(profile, "marketing", "email")).isTrue();
        assertThat(consent(profile, "marketing", "email").get("source").asString())
                .isEqualTo("preference-centre:confirmed");
        JsonNode proofs = admin.api().get("/api/privacy/consent-proofs?profileId=" + profile).json();
        assertThat(proofs.valueStream().map(proof -> proof.get("change").asString()))
                .containsExactly("WITHDRAWN", "CONFIRMATION_REQUESTED", "GRANTED");
    }

    /** Grants email marketing through staff, sends a marketing mail, and reads the footer's preference link. */
    private String preferencesLinkFromAMarketingMail(String profile) {
        fixture.marketingConsent(profile, "email", true);
        int before = smtp.getReceivedMessages().length;
        JsonNode sent = fixture.send(fixture.marketingEmail(), profile);
        assertThat(sent.get("status").asString()).as(sent.toString()).isEqualTo("sent");
        assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
        String body = text(smtp.getReceivedMessages()[before]);
        assertThat(body).contains("Manage your preferences");
        Matcher found = PREFERENCES_LINK.matcher(body);
        assertThat(found.find()).as(body).isTrue();
        return found.group();
    }

    /** The mail's plain-text body, decoded. */
    private static String text(Part part) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return part.isMimeType("text/plain") ? (String) part.getContent() : "";
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private Api.Response post(String path, String form) {
        return Api.at(port).send(Api.at(port).request(path).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private boolean granted(String profile, String purpose, String channel) {
        JsonNode consent = consentOrNull(profile, purpose, channel);
        return consent != null && consent.get("granted").asBoolean();
    }

    private JsonNode consent(String profile, String purpose, String channel) {
        JsonNode consent = consentOrNull(profile, purpose, channel);
        assertThat(consent).as(purpose + "." + channel).isNotNull();
        return consent;
    }

    private JsonNode consentOrNull(String profile, String purpose, String channel) {
        return admin.api().get("/api/customers/" + profile).json().get("consents").valueStream()
                .filter(consent -> consent.get("purpose").asString().equals(purpose)
                        && consent.get("channel").asString().equals(channel))
                .findFirst().orElse(null);
    }

    private void settings(Map<String, String> changes) {
        var changed = admin.api().patch("/api/messaging/settings", Api.json(changes));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
