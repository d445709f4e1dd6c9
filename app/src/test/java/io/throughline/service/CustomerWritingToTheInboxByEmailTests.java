package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A customer writing to the brand's support address: the mail service posts each email, signed, to the inbox's
 * webhook; the agent's answer leaves over real SMTP (GreenMail) as an answer in her mail client's thread.
 */
@PlatformTest
class CustomerWritingToTheInboxByEmailTests {

    @LocalServerPort
    int port;

    GreenMail smtp;
    ServiceFixture inbox;

    @BeforeEach
    void mailServer() {
        smtp = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        smtp.start();
        inbox = new ServiceFixture(port);
        inbox.settings(Map.of("smtp-host", "127.0.0.1", "smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                "mail-from", "help@tokaj-cellars.example"));
    }

    @AfterEach
    void backToRecording() {
        inbox.settings(Map.of("smtp-host", "", "imap-host", "", "reopen-within-hours", "168",
                "attachment-max-bytes", "5242880"));
        smtp.stop();
    }

    @Test
    void herEmailLandsOnHerProfileOnceAndTheAgentsAnswerContinuesHerMailThread() throws Exception {
        String address = ServiceFixture.email("ilona");
        var customer = inbox.api.post("/api/customers", Api.json(Map.of("givenName", "Ilona", "email", address)));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String profile = customer.json().get("id").asString();
        String first = ServiceFixture.messageId();
        String mail = ServiceFixture.mail(address, "Broken cork", first, "", "The cork of my Aszú crumbled.");

        String conversation = inbox.stored(inbox.postMail(mail));
        var retried = inbox.postMail(mail);

        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("status").asString()).isEqualTo("duplicate");
        assertThat(retried.json().get("conversationId").asString()).isEqualTo(conversation);
        JsonNode thread = inbox.thread(conversation);
        assertThat(thread.get("conversation").get("profileId").asString()).isEqualTo(profile);
        assertThat(thread.get("conversation").get("subject").asString()).isEqualTo("Broken cork");
        assertThat(thread.get("messages")).hasSize(1);
        assertThat(thread.get("messages").get(0).get("bodyText").asString()).isEqualTo("The cork of my Aszú crumbled.");

        var agent = inbox.agent(5);
        var answered = agent.api().post("/api/service/conversations/" + conversation + "/replies",
                Api.json(Map.of("text", "We are sending a new bottle today.")));

        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("medium").asString()).isEqualTo("EMAIL");
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage answer = smtp.getReceivedMessages()[0];
        assertThat(answer.getAllRecipients()[0].toString()).isEqualTo(address);
        assertThat(answer.getSubject()).isEqualTo("Re: Broken cork");
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(first);
        assertThat(answer.getHeader("References")[0]).contains(first);
        String answerId = answer.getMessageID();
        assertThat(answerId).endsWith("@tokaj-cellars.example>");
        assertThat(inbox.thread(conversation).get("messages").get(1).get("delivery").asString()).isEqualTo("smtp");
        assertThat(inbox.thread(conversation).get("conversation").get("firstResponseAt").isNull()).isFalse();

        var herAnswer = inbox.postMail(ServiceFixture.mail(address, "Re: Broken cork", ServiceFixture.messageId(),
                answerId, "Thank you!"));

        assertThat(inbox.stored(herAnswer)).isEqualTo(conversation);
        assertThat(herAnswer.json().get("threading").asString()).isEqualTo("JOINED_OPEN_CASE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox.admin.timelineLabels(profile))
                .contains("Conversation Started", "Message Received", "Message Sent"));
    }

    @Test
    void anUnsignedOrWronglySignedPostIsRefusedAndStoresNothing() {
        String address = ServiceFixture.email("mallory");
        String mail = ServiceFixture.mail(address, "Hello", ServiceFixture.messageId(), "", "hi");

        var wrong = inbox.postMail(mail, ServiceFixture.sign("other body".getBytes(), ServiceFixture.SECRET));
        var unsigned = inbox.postMail(mail, "");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(inbox.api.get("/api/customers?identity=email:" + address).json().get("totalItems").asInt())
                .isZero();
    }

    @Test
    void hostileHtmlIsStrippedAndAnAttachmentOverTheLimitIsRefusedWhileTheMessageIsKept() {
        inbox.settings(Map.of("attachment-max-bytes", "1000"));
        String address = ServiceFixture.email("hostile");
        String big = "A".repeat(4000);
        String mail = "From: <" + address + ">\r\nTo: help@tokaj-cellars.example\r\nSubject: Look\r\n"
                + "Message-ID: " + ServiceFixture.messageId() + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p onclick=\"steal()\">Hello <b>there</b><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">click</a><img src=x onerror=alert(3)>"
                + "<iframe src=\"https://evil.example\"></iframe><a href=\"https://tokaj.example/\">shop</a></p>\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
                + "filename=\"huge.bin\"\r\n\r\n" + big + "\r\n--b1--\r\n";

        String conversation = inbox.stored(inbox.postMail(mail));

        JsonNode message = inbox.thread(conversation).get("messages").get(0);
        String html = message.get("bodyHtml").asString();
        assertThat(html).contains("<b>there</b>").contains("https://tokaj.example/")
                .doesNotContain("<script").doesNotContain("alert(1)").doesNotContain("onclick")
                .doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<iframe");
        assertThat(message.get("bodyText").asString()).contains("Hello there")
                .contains("huge.bin: over the attachment size limit, not kept");
    }

    @Test
    void aMessageAfterResolutionReopensHerCaseWithinThePeriodAndOpensALinkedOneAfterIt() {
        String address = ServiceFixture.email("reopen");
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Delivery",
                ServiceFixture.messageId(), "", "Where is my parcel?")));
        resolve(conversation);

        var reopened = inbox.postMail(ServiceFixture.mail(address, "Delivery", ServiceFixture.messageId(), "",
                "It still has not come."));

        assertThat(inbox.stored(reopened)).isEqualTo(conversation);
        assertThat(reopened.json().get("threading").asString()).isEqualTo("REOPENED");
        JsonNode again = inbox.thread(conversation).get("conversation");
        assertThat(again.get("status").asString()).isEqualTo("OPEN");
        assertThat(again.get("reopenedCount").asInt()).isEqualTo(1);

        resolve(conversation);
        inbox.settings(Map.of("reopen-within-hours", "0"));
        var later = inbox.postMail(ServiceFixture.mail(address, "New question", ServiceFixture.messageId(), "",
                "Do you ship to Vienna?"));

        String next = inbox.stored(later);
        assertThat(next).isNotEqualTo(conversation);
        assertThat(later.json().get("threading").asString()).isEqualTo("NEW_CASE_AFTER_PREVIOUS");
        assertThat(inbox.thread(next).get("conversation").get("previousId").asString()).isEqualTo(conversation);
    }

    @Test
    void theSupportMailboxIsReadOverImapOnceEvenWhenAMessageArrivesTwice() throws Exception {
        var mailbox = smtp.setUser("help@tokaj-cellars.example", "support", "mailbox-password");
        inbox.settings(Map.of("imap-host", "127.0.0.1", "imap-port", String.valueOf(smtp.getImap().getPort()),
                "imap-user", "support", "imap-password", "mailbox-password"));
        String address = ServiceFixture.email("imap");
        String id = ServiceFixture.messageId();
        String raw = ServiceFixture.mail(address, "Gift wrapping", id, "", "Can you wrap two bottles?");
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));

        var first = inbox.api.post("/api/service/mailbox/poll", "");
        var again = inbox.api.post("/api/service/mailbox/poll", "");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("received").asInt()).isEqualTo(1);
        assertThat(again.json().get("received").asInt()).as("nothing new").isZero();
        String profile = inbox.admin.profileOf("email:" + address);
        JsonNode cases = inbox.api.get("/api/service/customers/" + profile + "/panel").json().get("conversations");
        assertThat(cases).hasSize(1);
        String conversation = cases.get(0).get("id").asString();

        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        assertThat(inbox.api.post("/api/service/mailbox/poll", "").json().get("received").asInt()).isEqualTo(1);
        assertThat(inbox.thread(conversation).get("messages")).as("the same Message-ID is stored once").hasSize(1);
        assertThat(inbox.api.get("/api/service/settings").json().get("imap-password").asString()).isEqualTo("(set)");
    }

    private void resolve(String conversation) {
        var resolved = inbox.api.put("/api/service/conversations/" + conversation + "/status",
                Api.json(Map.of("status", "RESOLVED")));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
    }
}
