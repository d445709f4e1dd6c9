package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStatus;
import io.throughline.journeys.JourneyTimers;
import io.throughline.journeys.Journeys;
import io.throughline.messaging.Messages;
import io.throughline.pricing.Promotions;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokaj Cellars' journeys are there and active once, even when loaded again, and do what they say for a
 * customer of the brand who shops on its web shop: the pickup notice goes out as soon as her order is ready, and
 * the cart reminder 48 hours after she left wine in her cart, unless she ordered in the meantime.
 */
@PlatformTest
@NoControlGroup
class TokajCellarsJourneysTests {

    static final List<String> KEYS = List.of(DemoJourneys.ABANDONED_CART, DemoJourneys.WELCOME_SERIES,
            DemoJourneys.READY_FOR_PICKUP, DemoJourneys.REVIEW_REQUEST, DemoJourneys.TASTING_INVITATION);

    @LocalServerPort
    int port;

    @Autowired
    Journeys journeys;

    @Autowired
    JourneyTimers timers;

    @Autowired
    Messages messages;

    @Autowired
    Promotions promotions;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void fixtures() {
        api = new Admin(port).api();
    }

    @Test
    void theBrandsFiveJourneysAreActiveOnceEvenWhenLoadedAgain() {
        new DemoJourneys(journeys, messages, promotions, json).load();

        assertThat(KEYS).allSatisfy(key -> {
            Journey journey = journeys.get(key);
            assertThat(journey.status()).as(key).isEqualTo(JourneyStatus.ACTIVE);
            assertThat(journey.latestVersion()).as(key).isEqualTo(1);
            assertThat(journey.activeVersion()).as(key).isEqualTo(1);
        });
        // Saved again, each definition passes the same checks as any marketer's.
        KEYS.forEach(key -> {
            int latest = journeys.get(key).latestVersion();
            assertThat(journeys.update(key, journeys.version(key, 1).definition()).latestVersion())
                    .isEqualTo(latest + 1);
        });
        assertThat(List.of(DemoJourneys.TIP, DemoJourneys.WELCOME_COUPON, DemoJourneys.TASTING))
                .allSatisfy(name -> assertThat(messages.findByName(name)).isPresent());
        assertThat(journeys.version(DemoJourneys.WELCOME_SERIES, 1).definition().at("/steps/coupon/batch").asString())
                .isNotBlank();
    }

    @Test
    void herOrderReadyForPickupBringsTheNoticeAtOnce() {
        String userId = "pickup-" + UUID.randomUUID();
        String profile = customer(userId, Map.of());

        track(userId, DemoJourneys.ORDER_READY_FOR_PICKUP, Map.of("orderNumber", "TC-1042", "shop", "shop-budapest"));

        UUID notice = messages.findByName(DemoMessages.READY_FOR_PICKUP).orElseThrow().id();
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesSentTo(profile).contains(notice.toString()));
    }

    @Test
    void aCartLeftForFortyEightHoursBringsTheReminderButAnOrderInTimeDoesNot() {
        String leftUserId = "cart-left-" + UUID.randomUUID();
        String orderedUserId = "cart-ordered-" + UUID.randomUUID();
        String left = customer(leftUserId, Map.of("email", true));
        String ordered = customer(orderedUserId, Map.of("email", true));
        long enteredBefore = journeys.stats(DemoJourneys.ABANDONED_CART, activeVersion()).entered();
        Instant added = clock.instant();

        track(leftUserId, DemoJourneys.PRODUCT_ADDED, Map.of("sku", "TK-ASZ5-LAPIS-2017", "quantity", 1,
                "cart_id", UUID.randomUUID().toString()));
        track(orderedUserId, DemoJourneys.PRODUCT_ADDED, Map.of("sku", "TK-ASZ5-LAPIS-2017", "quantity", 2,
                "cart_id", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                journeys.stats(DemoJourneys.ABANDONED_CART, activeVersion()).entered() >= enteredBefore + 2);
        long convertedBefore = journeys.stats(DemoJourneys.ABANDONED_CART, activeVersion()).converted();
        track(orderedUserId, DemoJourneys.ORDER_COMPLETED, Map.of("orderId", "TC-2001", "total", 25_900));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                journeys.stats(DemoJourneys.ABANDONED_CART, activeVersion()).converted() == convertedBefore + 1);
        UUID reminder = messages.findByName(DemoMessages.CART_REMINDER).orElseThrow().id();

        timers.fireDue(added.plus(Duration.ofHours(47)));
        assertThat(messagesSentTo(left)).doesNotContain(reminder.toString());
        timers.fireDue(added.plus(Duration.ofHours(49)));

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesSentTo(left).contains(reminder.toString()));
        assertThat(messagesSentTo(ordered)).doesNotContain(reminder.toString());
    }

    private int activeVersion() {
        return journeys.get(DemoJourneys.ABANDONED_CART).activeVersion();
    }

    /** A customer as the web shop makes her, with an email address and the marketing consents given. */
    private String customer(String userId, Map<String, Object> consents) {
        Map<String, Object> traits = Map.of("firstName", "Réka", "email", userId + "@example.com",
                "timezone", "Europe/Budapest", "consent", Map.of("marketing", consents));
        var identified = web().send("identify", Api.json(Map.of("userId", userId, "traits", traits)));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        String profile = new Admin(port).profileOf("user_id:" + userId);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode overview = api.get("/api/customers/" + profile).json();
            return overview.get("consents").size() == consents.size()
                    && !overview.get("profile").get("email").isNull();
        });
        return profile;
    }

    private void track(String userId, String event, Map<String, Object> properties) {
        var tracked = web().send("track", Api.json(Map.of("userId", userId, "event", event, "properties", properties)));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    }

    /** The ids of the messages the customer's deliveries carried. */
    private List<String> messagesSentTo(String profile) {
        var found = api.get("/api/messaging/deliveries?profileId=" + profile);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items").valueStream().map(delivery -> delivery.get("messageId").asString())
                .toList();
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
