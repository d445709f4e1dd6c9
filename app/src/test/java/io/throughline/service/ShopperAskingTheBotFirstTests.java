package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.events.Identifier;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import io.throughline.tracking.Channels;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The first-line bot answers a shopper on SMS from the platform's own data (her order by its number, the shops'
 * hours, the return policy, in her language), hands her to people when she asks for one or when it keeps not
 * understanding, with the transcript as a note and a two-hour target for a human answer, and stays quiet after.
 */
@PlatformTest
class ShopperAskingTheBotFirstTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    Channels channels;

    ServiceFixture inbox;

    @BeforeEach
    void botOnSms() {
        inbox = new ServiceFixture(port);
        inbox.settings(Map.of("bot-media", "SMS,WHATSAPP", "bot-max-failed-turns", "2",
                "handover-response-minutes", "120"));
    }

    @AfterEach
    void botOff() {
        inbox.settings(Map.of("bot-media", ""));
    }

    @Test
    void theBotAnswersHerOrderHoursAndReturnsThenHandsHerToAPersonWithTheTranscript() {
        CartFixture shop = new CartFixture(port);
        String phone = phone();
        var customer = inbox.api.post("/api/customers", Api.json(Map.of("givenName", "Hanna", "phone", phone)));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String profile = customer.json().get("id").asString();
        String number = ordered(shop, profile);

        Received first = sms(phone, "Hi, where is my order " + number + "?");

        String conversation = ((Received.Stored) first).conversationId().toString();
        assertThat(last(conversation).get("bodyText").asString())
                .isEqualTo("Your order " + number + ": we have it and are preparing it.");
        assertThat(last(conversation).get("authorStaffId")).as("the bot, not a person").isNull();
        assertThat(queued(conversation)).as("not in the agents' queue while the bot has it").isFalse();
        assertThat(inbox.thread(conversation).get("conversation").has("firstResponseAt"))
                .as("a bot's answer is no human response").isFalse();

        sms(phone, "Visszaküldhetem, ha nem ízlik?");
        assertThat(last(conversation).get("bodyText").asString()).startsWith("Bármit visszaküldhet");
        sms(phone, "And when are you open?");
        assertThat(last(conversation).get("bodyText").asString()).startsWith("Our shops' opening hours:");

        Instant askedAt = Instant.now();
        sms(phone, "Szeretnék egy ügyintézővel beszélni");

        JsonNode thread = inbox.thread(conversation);
        assertThat(last(conversation).get("bodyText").asString()).startsWith("Átadom egy kollégámnak");
        JsonNode note = thread.get("messages").valueStream().filter(m -> m.get("kind").asString().equals("NOTE"))
                .findFirst().orElseThrow();
        assertThat(note.get("bodyText").asString()).startsWith("Handed over by the bot (asked for a person)")
                .contains("Customer: Hi, where is my order " + number + "?")
                .contains("Bot: Your order " + number);
        assertThat(queued(conversation)).as("in the queue for people now").isTrue();
        Instant due = Instant.parse(thread.get("conversation").get("firstResponseDue").asString());
        assertThat(due).isBetween(askedAt.plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));

        int before = inbox.thread(conversation).get("messages").size();
        sms(phone, "Hello? Where is my order?");
        assertThat(inbox.thread(conversation).get("messages").size()).as("only her line: the bot is quiet")
                .isEqualTo(before + 1);
    }

    @Test
    void aStrangerTheBotCannotHelpIsHandedOverAfterTwoTurnsAndNeverToldAboutOthersOrders() {
        CartFixture shop = new CartFixture(port);
        String someoneElses = ordered(shop, shop.customer());
        String phone = phone();

        String conversation = ((Received.Stored) sms(phone, "Status of " + someoneElses + " please"))
                .conversationId().toString();

        assertThat(last(conversation).get("bodyText").asString()).doesNotContain("preparing")
                .startsWith("I am the shop's assistant.");
        assertThat(queued(conversation)).isFalse();

        sms(phone, "Blue whales sing?");

        JsonNode thread = inbox.thread(conversation);
        assertThat(last(conversation).get("bodyText").asString())
                .isEqualTo("I am passing you to a colleague, who will answer you here shortly.");
        assertThat(thread.get("messages").valueStream().anyMatch(m -> m.get("bodyText").asString()
                .startsWith("Handed over by the bot (could not answer)"))).isTrue();
        assertThat(queued(conversation)).isTrue();
    }

    private Received sms(String phone, String text) {
        return conversations.receive(new Inbound(Medium.SMS, channels.resolve("contact-centre"),
                List.of(new Identifier(Identifier.PHONE, phone)), "sms:test-" + UUID.randomUUID(), text, null, null,
                null, Instant.now()));
    }

    private JsonNode last(String conversation) {
        JsonNode messages = inbox.thread(conversation).get("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).get("kind").asString().equals("MESSAGE")) {
                return messages.get(i);
            }
        }
        throw new AssertionError("no message");
    }

    private boolean queued(String conversation) {
        return inbox.api.get("/api/service/queue?limit=500").json().valueStream()
                .anyMatch(item -> item.get("conversation").get("id").asString().equals(conversation));
    }

    private static String phone() {
        return "+3620" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    /** Her order of one bottle, placed on the web; its number. */
    private static String ordered(CartFixture shop, String profile) {
        String sku = shop.product("Bot Furmint", List.of("web"), "30.00");
        shop.receive(sku, "warehouse-tokaj", 5);
        String cart = shop.customerCart("web", profile);
        shop.added(cart, "web", sku, 1);
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cart);
        body.put("delivery", "HOME_DELIVERY");
        body.put("payment", Map.of("method", "CARD", "cardNumber", "4242 4242 4242 4242"));
        body.put("address", Map.of("name", "Hanna Kiss", "street", "Fő utca 1.", "city", "Budapest",
                "postalCode", "1011", "country", "HU"));
        var placed = shop.api.send(shop.api.request("/api/orders?channel=web&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(body))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("number").asString();
    }
}
