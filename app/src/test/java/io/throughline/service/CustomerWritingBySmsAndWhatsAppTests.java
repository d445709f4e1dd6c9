package io.throughline.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * She writes by email, then by SMS (Twilio's signed webhook), then on WhatsApp (Meta's signed webhook): all three
 * land on her one open case through her phone number, retries are stored once, forged posts get 401, and the
 * agent's answers go back on the medium she last used, through the SMS provider and the WhatsApp Cloud API
 * (WireMock).
 */
@PlatformTest
class CustomerWritingBySmsAndWhatsAppTests {

    static final String SMS_TOKEN = "twilio-auth-token";
    static final String APP_SECRET = "meta-app-secret";

    @LocalServerPort
    int port;

    WireMockServer provider;
    ServiceFixture inbox;

    @BeforeEach
    void providers() {
        // The JDK client tries HTTP/2 over plain HTTP, which WireMock's server mishandles.
        provider = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));
        provider.start();
        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(202)));
        provider.stubFor(post("/v21.0/4455/messages").willReturn(aResponse().withStatus(200)
                .withBody("{\"messages\":[{\"id\":\"wamid.out\"}]}")));
        inbox = new ServiceFixture(port);
        inbox.settings(Map.of("sms-auth-token", SMS_TOKEN, "whatsapp-app-secret", APP_SECRET,
                "whatsapp-verify-token", "verify-me", "whatsapp-api-url", provider.baseUrl() + "/v21.0",
                "whatsapp-phone-number-id", "4455", "whatsapp-token", "cloud-api-token"));
        messagingSettings(Map.of("sms-url", provider.baseUrl() + "/sms", "sms-token", "sms-provider-token"));
    }

    @AfterEach
    void backToRecording() {
        inbox.settings(Map.of("whatsapp-phone-number-id", "", "whatsapp-token", ""));
        messagingSettings(Map.of("sms-url", "", "sms-token", ""));
        provider.stop();
    }

    @Test
    void emailSmsAndWhatsAppJoinHerOneCaseAndAnswersGoBackTheWaySheLastWrote() {
        String phone = "+3630" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        String address = ServiceFixture.email("kata");
        var customer = inbox.api.post("/api/customers", Api.json(Map.of("givenName", "Kata", "email", address,
                "phone", phone)));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "My order",
                ServiceFixture.messageId(), "", "Has my order shipped?")));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");

        var texted = sms(Map.of("From", phone, "To", "+3612345678", "Body", "Sorry, texting instead.",
                "MessageSid", sid, "NumMedia", "0"), null);
        var retried = sms(Map.of("From", phone, "To", "+3612345678", "Body", "Sorry, texting instead.",
                "MessageSid", sid, "NumMedia", "0"), null);
        String wamid = "wamid." + UUID.randomUUID();
        var whatsapp = whatsApp(notification(phone.substring(1), wamid, "And on WhatsApp too!"), null);
        var redelivered = whatsApp(notification(phone.substring(1), wamid, "And on WhatsApp too!"), null);

        assertThat(texted.status()).as(texted.body()).isEqualTo(200);
        assertThat(texted.contentType()).startsWith("text/xml");
        assertThat(texted.header("X-Throughline-Outcome")).isEqualTo("stored " + conversation);
        assertThat(retried.header("X-Throughline-Outcome")).isEqualTo("duplicate " + conversation);
        assertThat(whatsapp.status()).as(whatsapp.body()).isEqualTo(200);
        assertThat(whatsapp.json().get("messages").get(0).get("conversationId").asString()).isEqualTo(conversation);
        assertThat(redelivered.json().get("messages").get(0).get("status").asString()).isEqualTo("duplicate");
        JsonNode thread = inbox.thread(conversation);
        assertThat(thread.get("messages").valueStream().map(m -> m.get("medium").asString()))
                .containsExactly("EMAIL", "SMS", "WHATSAPP");

        var agent = inbox.agent(3);
        var onWhatsApp = agent.api().post("/api/service/conversations/" + conversation + "/replies",
                Api.json(Map.of("text", "It left the warehouse this morning.")));

        assertThat(onWhatsApp.status()).as(onWhatsApp.body()).isEqualTo(201);
        assertThat(onWhatsApp.json().get("medium").asString()).isEqualTo("WHATSAPP");
        provider.verify(postRequestedFor(urlEqualTo("/v21.0/4455/messages"))
                .withHeader("Authorization", equalTo("Bearer cloud-api-token"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"" + phone.substring(1) + "\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"It left the warehouse this morning.\"}}")));
        assertThat(delivery(conversation, "It left the warehouse")).isEqualTo("whatsapp");

        sms(Map.of("From", phone, "To", "+3612345678", "Body", "Thanks! When will it arrive?",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")), null);
        var bySms = agent.api().post("/api/service/conversations/" + conversation + "/replies",
                Api.json(Map.of("text", "Tomorrow before noon.")));

        assertThat(bySms.json().get("medium").asString()).isEqualTo("SMS");
        provider.verify(postRequestedFor(urlEqualTo("/sms"))
                .withHeader("Authorization", equalTo("Bearer sms-provider-token"))
                .withRequestBody(equalToJson("{\"to\":\"" + phone + "\",\"text\":\"Tomorrow before noon.\"}", true,
                        true)));
        assertThat(delivery(conversation, "Tomorrow before noon.")).startsWith("sms");
    }

    @Test
    void forgedPostsAreRefusedAndTheSubscriptionCheckAnswersOnlyTheRightToken() {
        String phone = "+3630" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        Map<String, String> form = Map.of("From", phone, "Body", "Hi", "MessageSid", "SM-forged");

        var wrongSms = sms(form, "bm90LXRoZS1zaWduYXR1cmU=");
        var wrongWhatsApp = whatsApp(notification(phone.substring(1), "wamid.forged", "Hi"), "sha256=00ff");
        var unsignedWhatsApp = inbox.api.send(Api.at(port).request("/m/service/whatsapp")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notification(phone.substring(1), "wamid.x", "Hi"))));

        assertThat(wrongSms.status()).isEqualTo(401);
        assertThat(wrongSms.contentType()).startsWith("application/problem+json");
        assertThat(wrongWhatsApp.status()).isEqualTo(401);
        assertThat(unsignedWhatsApp.status()).isEqualTo(401);
        assertThat(inbox.api.get("/api/customers?identity="
                + URLEncoder.encode("phone:" + phone, StandardCharsets.UTF_8)).json().get("totalItems").asInt())
                .as("nothing forged reached the identity graph").isZero();

        var subscribed = Api.at(port).get("/m/service/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me"
                + "&hub.challenge=1158201444");
        var refused = Api.at(port).get("/m/service/whatsapp?hub.mode=subscribe&hub.verify_token=guess"
                + "&hub.challenge=1158201444");
        assertThat(subscribed.status()).isEqualTo(200);
        assertThat(subscribed.body()).isEqualTo("1158201444");
        assertThat(refused.status()).isEqualTo(403);

        var nameless = sms(Map.of("Body", "Who am I?", "MessageSid", "SM-nameless"), null);
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().get("errors").get(0).get("field").asString()).isEqualTo("From");
    }

    private String delivery(String conversation, String text) {
        return inbox.thread(conversation).get("messages").valueStream()
                .filter(m -> m.get("bodyText").asString().startsWith(text)).findFirst().orElseThrow()
                .get("delivery").asString();
    }

    /** Posts an SMS as Twilio does, signed with the account's token unless a signature is given. */
    private Api.Response sms(Map<String, String> fields, String signature) {
        String url = "http://127.0.0.1:" + port + "/m/service/sms";
        Map<String, String> sorted = new TreeMap<>(fields);
        String form = sorted.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        StringBuilder signed = new StringBuilder(url);
        sorted.forEach((name, value) -> signed.append(name).append(value));
        return inbox.api.send(Api.at(port).request("/m/service/sms")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature != null ? signature : hmac("HmacSHA1", SMS_TOKEN, signed.toString()))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Api.Response whatsApp(String body, String signature) {
        return inbox.api.send(Api.at(port).request("/m/service/whatsapp")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature != null ? signature
                        : ServiceFixture.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A WhatsApp Cloud API notification of one text message, as Meta posts it. */
    private static String notification(String waId, String messageId, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", waId);
        message.put("id", messageId);
        message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        message.put("type", "text");
        message.put("text", Map.of("body", text));
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "3612345678", "phone_number_id", "4455"),
                "contacts", List.of(Map.of("profile", Map.of("name", "Kata"), "wa_id", waId)),
                "messages", List.of(message));
        return Api.json(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "WABA-1",
                "changes", List.of(Map.of("value", value, "field", "messages"))))));
    }

    private static String hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void messagingSettings(Map<String, String> changes) {
        var changed = inbox.api.patch("/api/messaging/settings", Api.json(changes));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }
}
