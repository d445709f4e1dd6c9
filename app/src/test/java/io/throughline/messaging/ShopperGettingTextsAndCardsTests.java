package io.throughline.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * SMS through a provider (WireMock on a random port, pointed at through the run-time channel settings), and
 * the channels that stay inside the platform: in-app cards and store-associate tasks.
 */
@PlatformTest
class ShopperGettingTextsAndCardsTests {

    private static final String REMINDER = """
            {"name": "Cart reminder %s", "purpose": "marketing", "fallbacks": {"givenName": "Kedves Vásárlónk"},
             "variants": [
              {"channel": "sms", "text": "{{givenName}}, a kosaradban vár: {{cart.item}}. Őrizzük 48 órát."},
              {"channel": "in_app", "title": "{{givenName}}, a kosarad vár", "body": "{{cart.item}}", "link": "https://shop.example/cart"},
              {"channel": "task", "title": "Hívd fel: {{givenName}}", "body": "Kosár: {{cart.item}}"}]}""";

    @LocalServerPort
    int port;

    WireMockServer provider;
    Admin admin;
    MessagingFixtures fixtures;

    @BeforeEach
    void smsProvider() {
        // The JDK client tries HTTP/2 over plain HTTP, which WireMock's server mishandles.
        provider = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));
        provider.start();
        provider.stubFor(post("/sms").willReturn(aResponse().withStatus(202).withBody("{\"id\":\"p-1\"}")));
        provider.stubFor(post("/broken").willReturn(aResponse().withStatus(503)));
        admin = new Admin(port);
        fixtures = new MessagingFixtures(admin.api());
        fixtures.settings(Map.of("sms-url", provider.baseUrl() + "/sms", "sms-from", "TokajCell",
                "sms-token", "provider-secret"));
    }

    @AfterEach
    void backToTheLocalSink() {
        fixtures.settings(Map.of("sms-url", "", "sms-token", ""));
        provider.stop();
    }

    @Test
    void theProviderGetsTheGenericJsonRequestWithTheBearerCredential() {
        String phone = fixtures.uniquePhone();
        String profile = fixtures.customer(Map.of("givenName", "Bence", "phone", phone));
        fixtures.consent(profile, "sms", true);
        String message = fixtures.message(REMINDER.formatted(System.nanoTime()));

        var sent = fixtures.send(message, profile, "sms", ",\"data\":{\"cart\":{\"item\":\"Tokaji Aszú 5 puttonyos\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("sent");
        provider.verify(1, postRequestedFor(urlEqualTo("/sms"))
                .withHeader("Authorization", equalTo("Bearer provider-secret"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"to": "%s", "from": "TokajCell",
                         "text": "Bence, a kosaradban vár: Tokaji Aszú 5 puttonyos. Őrizzük 48 órát."}"""
                        .formatted(phone))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Message Sent"));
    }

    @Test
    void withoutMarketingConsentNoTextIsSentAndTheReasonIsRecorded() {
        String profile = fixtures.customer(Map.of("givenName", "Csilla", "phone", fixtures.uniquePhone()));
        String message = fixtures.message(REMINDER.formatted(System.nanoTime()));

        var refused = fixtures.send(message, profile, "sms", "");

        assertThat(refused.json().get("status").asString()).isEqualTo("refused");
        assertThat(refused.json().get("reason").asString()).isEqualTo("no marketing consent for sms");
        provider.verify(0, postRequestedFor(urlEqualTo("/sms")));
        JsonNode recorded = admin.api().get("/api/messaging/deliveries?profileId=" + profile).json();
        assertThat(recorded.get("items").get(0).get("reason").asString()).isEqualTo("no marketing consent for sms");
    }

    @Test
    void aProviderErrorIsRecordedAsAFailedDelivery() {
        fixtures.settings(Map.of("sms-url", provider.baseUrl() + "/broken"));
        String profile = fixtures.customer(Map.of("givenName", "Dóra", "phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "sms", true);

        var failed = fixtures.send(fixtures.message(REMINDER.formatted(System.nanoTime())), profile, "sms", "");

        assertThat(failed.json().get("status").asString()).isEqualTo("failed");
        assertThat(failed.json().get("reason").asString()).isEqualTo("sms provider answered HTTP 503");
    }

    @Test
    void anInAppCardIsListedUnreadAndATaskLandsOnTheShopsList() {
        String profile = fixtures.customer(Map.of("phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "in_app", true);
        fixtures.consent(profile, "phone", true);
        String message = fixtures.message(REMINDER.formatted(System.nanoTime()));
        String data = ",\"data\":{\"cart\":{\"item\":\"Furmint 2021\"}}";

        var card = fixtures.send(message, profile, "in_app", data);
        var task = fixtures.send(message, profile, "task", data + ",\"location\":\"shop-tokaj\"");
        var taskWithoutShop = fixtures.send(message, profile, "task", data);

        assertThat(card.json().get("status").asString()).isEqualTo("delivered");
        JsonNode cards = admin.api().get("/api/messaging/in-app/" + profile + "/cards").json();
        assertThat(cards.get(0).get("title").asString()).isEqualTo("Kedves Vásárlónk, a kosarad vár");
        assertThat(cards.get(0).get("body").asString()).isEqualTo("Furmint 2021");
        assertThat(task.json().get("status").asString()).isEqualTo("delivered");
        JsonNode tasks = Api.at(port).withToken(admin.tokenFor("STORE_ASSOCIATE"))
                .get("/api/messaging/tasks?location=shop-tokaj&size=200").json().get("items");
        assertThat(tasks.valueStream().filter(open -> open.get("profileId").asString().equals(profile))
                .map(open -> open.get("title").asString())).containsExactly("Hívd fel: Kedves Vásárlónk");
        assertThat(taskWithoutShop.status()).isEqualTo(400);
        assertThat(taskWithoutShop.json().get("errors").get(0).get("field").asString()).isEqualTo("location");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Message Delivered"));
    }

    @Test
    void anOpenInAppStreamReceivesUnreadCardsAndThenEachNewCard() throws Exception {
        String profile = fixtures.customer(Map.of("givenName", "Flóra"));
        fixtures.consent(profile, "in_app", true);
        String earlier = fixtures.message("""
                {"name": "Earlier %s", "purpose": "marketing", "variants": [
                  {"channel": "in_app", "title": "Earlier card", "body": "b"}]}""".formatted(System.nanoTime()));
        String later = fixtures.message("""
                {"name": "Later %s", "purpose": "marketing", "variants": [
                  {"channel": "in_app", "title": "Later card for {{givenName}}", "body": "b"}]}"""
                .formatted(System.nanoTime()));
        fixtures.send(earlier, profile, "in_app", "");

        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(admin.api()
                .request("/api/messaging/in-app/" + profile + "/stream").header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            var received = new CopyOnWriteArrayList<String>();
            var reading = CompletableFuture.supplyAsync(() -> lines.peek(received::add)
                    .filter(line -> line.contains("Later card")).findFirst());
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(line ->
                    line.contains("Earlier card")));
            fixtures.send(later, profile, "in_app", "");
            assertThat(reading.get(10, TimeUnit.SECONDS)).hasValueSatisfying(line -> assertThat(line)
                    .startsWith("data:").contains("\"title\":\"Later card for Flóra\""));
            assertThat(received).contains("event:card");
        }
    }

    @Test
    void aBounceReportedByTheProviderIsRecordedOnTheDeliveryAndTheTimeline() {
        String profile = fixtures.customer(Map.of("givenName", "Ede", "phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "sms", true);
        String delivery = fixtures.send(fixtures.message(REMINDER.formatted(System.nanoTime())), profile, "sms", "")
                .json().get("id").asString();

        var bounced = admin.api().post("/api/messaging/delivery-reports",
                "{\"deliveryId\":\"" + delivery + "\",\"status\":\"bounced\",\"reason\":\"number not in service\"}");
        var nonsense = admin.api().post("/api/messaging/delivery-reports",
                "{\"deliveryId\":\"" + delivery + "\",\"status\":\"exploded\"}");

        assertThat(bounced.status()).as(bounced.body()).isEqualTo(200);
        assertThat(bounced.json().get("status").asString()).isEqualTo("bounced");
        assertThat(bounced.json().get("reason").asString()).isEqualTo("number not in service");
        assertThat(nonsense.status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Message Bounced"));
    }
}
