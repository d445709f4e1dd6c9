package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class MarketerDefiningMessagesTests {

    @LocalServerPort
    int port;

    Admin admin;
    MessagingFixtures fixtures;

    @BeforeEach
    void administrator() {
        admin = new Admin(port);
        fixtures = new MessagingFixtures(admin.api());
    }

    @Test
    void aPreviewRendersEveryVariantForTheCustomerOrForSampleData() {
        String profile = fixtures.customer(Map.of("givenName", "Gréta", "email", fixtures.uniqueEmail("greta")));
        String message = fixtures.message("""
                {"name": "Ready for pickup %s", "purpose": "transactional", "variants": [
                  {"channel": "email", "subject": "{{givenName}}, ready at {{shop}}", "html": "<p>{{order}}</p>", "text": "{{order}}"},
                  {"channel": "sms", "key": "a", "text": "{{givenName}}: rendelésed átvehető ({{shop}})"},
                  {"channel": "sms", "key": "b", "text": "Ready: {{shop}}"},
                  {"channel": "push", "title": "Ready", "body": "{{shop}}", "link": "https://shop.example/o/{{order}}"}]}"""
                .formatted(System.nanoTime()));

        var forCustomer = admin.api().post("/api/messaging/messages/" + message + "/preview",
                "{\"profileId\":\"" + profile + "\",\"data\":{\"shop\":\"Budapest\",\"order\":\"T-1\"}}");
        var smsSample = admin.api().post("/api/messaging/messages/" + message + "/preview",
                "{\"channel\":\"sms\",\"data\":{\"shop\":\"Tokaj\"}}");

        assertThat(forCustomer.status()).as(forCustomer.body()).isEqualTo(200);
        assertThat(forCustomer.json().size()).isEqualTo(4);
        assertThat(forCustomer.json().get(0).get("rendered").get("subject").asString())
                .isEqualTo("Gréta, ready at Budapest");
        assertThat(forCustomer.json().get(3).get("rendered").get("link").asString())
                .isEqualTo("https://shop.example/o/T-1");
        JsonNode first = smsSample.json().get(0);
        assertThat(first.get("key").asString()).isEqualTo("a");
        assertThat(first.get("rendered").get("text").asString()).isEqualTo("Anna: rendelésed átvehető (Tokaj)");
        assertThat(first.get("sms").get("encoding").asString()).isEqualTo("UCS_2");
        assertThat(first.get("sms").get("segments").asInt()).isEqualTo(1);
        assertThat(smsSample.json().get(1).get("sms").get("encoding").asString()).isEqualTo("GSM_7");
    }

    @Test
    void badDefinitionsAreRefusedNamingTheField() {
        var sixVariants = admin.api().post("/api/messaging/messages", """
                {"name": "Too many", "purpose": "marketing", "variants": [
                  {"channel": "sms", "key": "a", "text": "1"}, {"channel": "sms", "key": "b", "text": "2"},
                  {"channel": "sms", "key": "c", "text": "3"}, {"channel": "sms", "key": "d", "text": "4"},
                  {"channel": "sms", "key": "e", "text": "5"}, {"channel": "sms", "key": "f", "text": "6"}]}""");
        var brokenTemplate = admin.api().post("/api/messaging/messages", """
                {"name": "Broken", "purpose": "marketing", "variants": [
                  {"channel": "push", "title": "{{#x}}", "body": "b"}]}""");
        var missingSubject = admin.api().post("/api/messaging/messages", """
                {"name": "No subject", "purpose": "marketing", "variants": [
                  {"channel": "email", "html": "<p>x</p>", "text": "x"}]}""");
        var unknownChannel = admin.api().post("/api/messaging/messages", """
                {"name": "Fax", "purpose": "marketing", "variants": [{"channel": "fax", "text": "x"}]}""");

        assertThat(sixVariants.status()).isEqualTo(400);
        assertThat(field(sixVariants)).isEqualTo("variants[5]");
        assertThat(brokenTemplate.status()).isEqualTo(400);
        assertThat(field(brokenTemplate)).isEqualTo("variants[0].title");
        assertThat(missingSubject.status()).isEqualTo(400);
        assertThat(field(missingSubject)).isEqualTo("variants[0].subject");
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTemplateThatCanNeverRenderIsRefusedWhenSavedNotAtEverySend() {
        var withPartial = admin.api().post("/api/messaging/messages", """
                {"name": "Partial %s", "purpose": "transactional", "variants": [
                  {"channel": "email", "subject": "Hi", "html": "<p>Hi</p>{{> footer}}", "text": "Hi"}]}"""
                .formatted(System.nanoTime()));

        assertThat(withPartial.status()).as(withPartial.body()).isEqualTo(400);
        assertThat(field(withPartial)).isEqualTo("variants[0].html");
    }

    @Test
    void sendingOnAChannelTheMessageLacksOrToAnUnknownCustomerIsAClientError() {
        String message = fixtures.message("""
                {"name": "Only SMS %s", "purpose": "transactional", "variants": [{"channel": "sms", "text": "hi"}]}"""
                .formatted(System.nanoTime()));
        String profile = fixtures.customer(Map.of("givenName", "Noemail"));

        var noVariant = fixtures.send(message, profile, "email", "");
        var noPhone = fixtures.send(message, profile, "sms", "");
        var unknown = fixtures.send(message, "0190a0b0-0000-7000-8000-000000000000", "sms", "");

        assertThat(noVariant.status()).isEqualTo(400);
        assertThat(field(noVariant)).isEqualTo("channel");
        assertThat(noPhone.json().get("status").asString()).isEqualTo("refused");
        assertThat(noPhone.json().get("reason").asString()).isEqualTo("the customer has no phone number");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aTransactionalEmailWithoutSmtpLandsInTheLocalSinkWithoutUnsubscribeHeaders() {
        String email = fixtures.uniqueEmail("hanna");
        String profile = fixtures.customer(Map.of("givenName", "Hanna", "email", email));
        String message = fixtures.message("""
                {"name": "Receipt %s", "purpose": "transactional", "variants": [{"channel": "email",
                  "subject": "Your receipt", "html": "<p>Thanks {{givenName}}</p>", "text": "Thanks {{givenName}}"}]}"""
                .formatted(System.nanoTime()));

        var sent = fixtures.send(message, profile, "email", "");

        assertThat(sent.json().get("status").asString()).isEqualTo("sent");
        JsonNode kept = admin.api().get("/api/messaging/sink?channel=email&size=200").json().get("items")
                .valueStream().filter(mail -> mail.get("recipient").asString().equals(email)).findFirst()
                .orElseThrow();
        assertThat(kept.get("subject").asString()).isEqualTo("Your receipt");
        assertThat(kept.get("text").asString()).isEqualTo("Thanks Hanna");
        assertThat(kept.get("headers").has("List-Unsubscribe")).isFalse();
    }

    @Test
    void onlyMarketersAndAdministratorsDefineMessages() {
        var analyst = Api.at(port).withToken(admin.tokenFor("ANALYST"));
        var agent = Api.at(port).withToken(admin.tokenFor("AGENT"));
        String body = "{\"name\":\"x\",\"purpose\":\"marketing\",\"variants\":[{\"channel\":\"sms\",\"text\":\"x\"}]}";

        assertThat(analyst.post("/api/messaging/messages", body).status()).isEqualTo(403);
        assertThat(agent.post("/api/messaging/messages", body).status()).isEqualTo(403);
        assertThat(Api.at(port).withToken(admin.tokenFor("MARKETER")).post("/api/messaging/messages", body).status())
                .isEqualTo(201);
        assertThat(Api.at(port).get("/api/messaging/messages").status()).isEqualTo(401);
    }

    private static String field(Api.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }
}
