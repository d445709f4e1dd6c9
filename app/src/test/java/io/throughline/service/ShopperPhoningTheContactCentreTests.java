package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The canonical scenario's fifth step through the API: she phones the contact centre about one bottle; the
 * agent's screen shows her orders, cart, browsing, earlier conversation and consents on one page, and the call
 * becomes a note on her thread, on the same case as her earlier email.
 */
@PlatformTest
class ShopperPhoningTheContactCentreTests {

    @LocalServerPort
    int port;

    @Test
    void theAgentSeesHerWholeStoryAndTheCallJoinsHerThread() {
        ServiceFixture inbox = new ServiceFixture(port);
        CartFixture shop = new CartFixture(port);
        String address = ServiceFixture.email("reka");
        String userId = "u-" + UUID.randomUUID();
        // She browses the web shop signed in, then orders a bottle and keeps another in her app cart.
        var browsed = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify", Api.json(Map.of(
                "userId", userId, "traits", Map.of("email", address, "firstName", "Réka"))));
        assertThat(browsed.status()).as(browsed.body()).isEqualTo(200);
        new Collector(port, PlatformTest.WEB_WRITE_KEY).send("track", Api.json(Map.of("userId", userId,
                "event", "Product Viewed", "properties", Map.of("sku", "tokaji-aszu"))));
        String profile = inbox.admin.profileOf("email:" + address);
        String sku = shop.product("Phone call Aszú", List.of("web", "app"), "450.00");
        shop.receive(sku, "warehouse-tokaj", 5);
        String order = ordered(shop, profile, sku);
        String cart = shop.customerCart("app", profile);
        shop.added(cart, "app", sku, 1);
        var consent = inbox.api.put("/api/customers/" + profile + "/consent", Api.json(Map.of(
                "purpose", "marketing", "channel", "email", "granted", true)));
        assertThat(consent.status()).as(consent.body()).isIn(200, 204);
        // Earlier she wrote about the order.
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "My order",
                ServiceFixture.messageId(), "", "When does my Aszú arrive?")));
        var agent = inbox.agent(5);

        var panel = agent.api().get("/api/service/customers/" + profile + "/panel");

        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        JsonNode screen = panel.json();
        assertThat(screen.get("customer").toString()).contains(address).contains(userId);
        assertThat(screen.get("orders").valueStream().map(o -> o.get("id").asString())).contains(order);
        assertThat(screen.get("openCart").get("id").asString()).isEqualTo(cart);
        assertThat(screen.get("consents").valueStream().anyMatch(c -> c.get("purpose").asString()
                .equalsIgnoreCase("marketing") && c.get("granted").asBoolean())).isTrue();
        assertThat(screen.get("conversations").valueStream().map(c -> c.get("id").asString()))
                .containsExactly(conversation);
        assertThat(screen.get("customer").get("channels").toString()).contains("web");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox.admin.timelineLabels(profile))
                .contains("Product Viewed", "Order Completed", "Message Received"));

        var call = agent.api().post("/api/service/customers/" + profile + "/calls", Api.json(Map.of(
                "seconds", 245, "disposition", "answered",
                "note", "One bottle of the order arrived broken; a replacement goes out today.")));

        assertThat(call.status()).as(call.body()).isEqualTo(201);
        assertThat(call.json().get("conversationId").asString()).as("the call joins her open case")
                .isEqualTo(conversation);
        JsonNode thread = inbox.thread(conversation);
        JsonNode logged = thread.get("messages").get(1);
        assertThat(logged.get("kind").asString()).isEqualTo("CALL");
        assertThat(logged.get("medium").asString()).isEqualTo("PHONE");
        assertThat(logged.get("channel").asString()).isEqualTo("contact-centre");
        assertThat(logged.get("callSeconds").asInt()).isEqualTo(245);
        assertThat(logged.get("bodyText").asString()).contains("arrived broken");
        assertThat(thread.get("conversation").get("firstResponseAt").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox.admin.timelineLabels(profile)
                .stream().filter("Message Received"::equals).count()).isEqualTo(2));
        var audited = inbox.api.get("/api/privacy/access-log?profileId=" + profile);
        assertThat(audited.body()).contains("service:customer-panel");
    }

    @Test
    void aCallWithANegativeDurationIsRefusedAtItsField() {
        ServiceFixture inbox = new ServiceFixture(port);
        String profile = new CartFixture(port).customer();

        var refused = inbox.api.post("/api/service/customers/" + profile + "/calls",
                Api.json(Map.of("seconds", -5, "disposition", "answered")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("seconds");
    }

    private static String ordered(CartFixture shop, String profile, String sku) {
        String cart = shop.customerCart("web", profile);
        shop.added(cart, "web", sku, 1);
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cart);
        body.put("delivery", "HOME_DELIVERY");
        body.put("payment", Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242"));
        body.put("address", Map.of("name", "Réka Tóth", "street", "Andrássy út 1.", "city", "Budapest",
                "postalCode", "1061", "country", "HU"));
        var placed = shop.api.send(shop.api.request("/api/orders?channel=web&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }
}
