package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey's send step asks for the best channel: consent, a variant and an address decide which channels may
 * carry the message, and her engagement ranks them.
 */
@PlatformTest
@NoControlGroup
class ShopperReachedOnHerBestChannelTests {

    static final String OFFER = """
            {"name": "Weekend offer %s", "purpose": "%s", "variants": [
              {"channel": "email", "subject": "Hétvégi ajánlat", "html": "<p>Szia {{givenName}}</p>", "text": "Szia"},
              {"channel": "sms", "text": "Szia {{givenName}}, hétvégi ajánlat!"},
              {"channel": "push", "title": "Hétvége", "body": "Ajánlat", "link": "https://shop.example/offer"}]}""";

    /** A weekday noon in Budapest: no quiet hours. */
    static final Instant NOON = Instant.parse("2026-11-24T11:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    ChannelChoices choices;

    MessagingFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MessagingFixtures(new Admin(port).api());
    }

    @Test
    void withoutConsentNothingIsSentAndEveryReasonSaysWhy() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata"),
                "phone", fixtures.uniquePhone()));
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision decision = choices.dispatch(dispatch(message, profile, null, NOON));

        assertThat(decision).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(decision.reasons()).contains("push skipped: no marketing consent for push",
                "email skipped: no marketing consent for email", "sms skipped: no marketing consent for sms",
                "not sent: no channel may carry it");
        assertThat(fixtures.deliveries(profile)).isZero();
        var recorded = fixtures.decisions(profile).get("items").get(0);
        assertThat(recorded.get("outcome").asString()).isEqualTo("skip");
        assertThat(recorded.get("origin").asString()).isEqualTo("journey:weekend-offer:v1:send");
        assertThat(recorded.get("reasons").get(0).asString()).isEqualTo("push skipped: no marketing consent for push");
    }

    @Test
    void aFixedChannelWithoutConsentIsNotSentEvenWhenAnotherChannelCouldCarryIt() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata"),
                "phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "email", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision decision = choices.dispatch(dispatch(message, profile, MessageChannel.SMS, NOON));

        assertThat(decision).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(decision.reasons()).containsExactly("sms skipped: no marketing consent for sms",
                "not sent: no channel may carry it");
        assertThat(fixtures.deliveries(profile)).isZero();
    }

    @Test
    void theOnlyConsentedChannelWithAnAddressCarriesTheMessage() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata")));
        fixtures.consent(profile, "sms", true);
        fixtures.consent(profile, "email", false);
        fixtures.consent(profile, "push", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        String noPush = fixtures.message("""
                {"name": "No push %s", "purpose": "marketing", "variants": [
                  {"channel": "email", "subject": "S", "html": "<p>H</p>", "text": "T"},
                  {"channel": "sms", "text": "Szia!"}]}""".formatted(UUID.randomUUID()));

        ChannelDecision decision = choices.dispatch(dispatch(message, profile, null, NOON));
        ChannelDecision withoutAVariant = choices.decide(dispatch(noPush, profile, null, NOON));

        assertThat(decision).isInstanceOfSatisfying(ChannelDecision.Send.class, send -> {
            assertThat(send.channel()).isEqualTo(MessageChannel.PUSH);
            assertThat(send.deliveryId()).isNotNull();
        });
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith(
                "email skipped: marketing consent for email refused"))
                .contains("sms skipped: the customer has no phone number", "push chosen");
        assertThat(fixtures.deliveries(profile)).isEqualTo(1);
        assertThat(withoutAVariant).isInstanceOf(ChannelDecision.Skip.class);
    }

    @Test
    void aTransactionalMessageNeedsNoMarketingConsentButAnAddress() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata")));
        String ready = fixtures.message(OFFER.formatted(UUID.randomUUID(), "transactional"));

        ChannelDecision bySms = choices.dispatch(dispatch(ready, profile, MessageChannel.SMS, NOON));
        ChannelDecision byEmail = choices.dispatch(dispatch(ready, profile, MessageChannel.EMAIL, NOON));

        assertThat(bySms.reasons()).containsExactly("sms skipped: the customer has no phone number",
                "not sent: no channel may carry it");
        assertThat(byEmail).isInstanceOfSatisfying(ChannelDecision.Send.class,
                send -> assertThat(send.channel()).isEqualTo(MessageChannel.EMAIL));
    }

    @Test
    void aCustomerWhoClicksHerTextMessagesGetsTextMessages() {
        String userId = "clicker-" + UUID.randomUUID();
        String profile = fixtures.identified(port, userId, Map.of("firstName", "Réka",
                "email", fixtures.uniqueEmail("reka"), "phone", fixtures.uniquePhone(),
                "consent", Map.of("marketing", Map.of("email", true, "sms", true, "push", true))));
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        // Without engagement the brand's fallback order holds: push first.
        ChannelDecision before = choices.decide(dispatch(message, profile, null, NOON));
        assertThat(before).isInstanceOfSatisfying(ChannelDecision.Send.class,
                send -> assertThat(send.channel()).isEqualTo(MessageChannel.PUSH));
        assertThat(before.reasons()).contains("ranked by engagement: push 0.0, email 0.0, sms 0.0");

        // A week and a day earlier she got a text and, just now, clicked its link.
        ChannelDecision text = choices.dispatch(dispatch(message, profile, MessageChannel.SMS,
                NOON.minus(Duration.ofDays(8))));
        UUID delivery = ((ChannelDecision.Send) text).deliveryId();
        fixtures.track(port, userId, "Message Clicked", Map.of("deliveryId", String.valueOf(delivery),
                "channel", "sms", "url", "https://shop.example/offer"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ChannelDecision after = choices.decide(dispatch(message, profile, null, NOON));
            assertThat(after).isInstanceOfSatisfying(ChannelDecision.Send.class,
                    send -> assertThat(send.channel()).isEqualTo(MessageChannel.SMS));
            assertThat(after.reasons()).anyMatch(reason -> reason.startsWith("ranked by engagement: sms "));
        });
        assertThat(fixtures.api().get("/api/messaging/deliveries/" + delivery).json().get("clickedAt").isNull())
                .isFalse();
    }

    @Test
    void aPurchaseAfterAClickCountsForTheClickedChannelAndASecondClickCountsOnce() {
        String userId = "buyer-" + UUID.randomUUID();
        String profile = fixtures.identified(port, userId, Map.of("firstName", "Noémi",
                "email", fixtures.uniqueEmail("noemi"), "consent", Map.of("marketing", Map.of("email", true,
                        "push", true))));
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        ChannelDecision mail = choices.dispatch(dispatch(message, profile, MessageChannel.EMAIL,
                NOON.minus(Duration.ofDays(8))));
        String delivery = String.valueOf(((ChannelDecision.Send) mail).deliveryId());

        fixtures.track(port, userId, "Message Clicked", Map.of("deliveryId", delivery));
        fixtures.track(port, userId, "Message Clicked", Map.of("deliveryId", delivery));
        fixtures.track(port, userId, "Order Completed", Map.of("orderId", "o-" + userId, "total", 12990));
        fixtures.track(port, userId, "Order Completed", Map.of("orderId", "o-" + userId, "total", 12990));

        // Click 3 and purchase 5, decayed by less than a day until the dispatch's moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                emailScore(choices.decide(dispatch(message, profile, null, NOON)))).isBetween(7.5, 8.0));
    }

    private static double emailScore(ChannelDecision decision) {
        String ranked = decision.reasons().stream().filter(reason -> reason.startsWith("ranked by engagement: "))
                .findFirst().orElseThrow();
        return Double.parseDouble(ranked.replaceAll(".*email ([0-9.]+).*", "$1"));
    }

    @Test
    void aDryRunRecordsNothingAndSendsNothing() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata")));
        fixtures.consent(profile, "email", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision decision = choices.decide(dispatch(message, profile, null, NOON));

        assertThat(decision).isInstanceOfSatisfying(ChannelDecision.Send.class, send -> {
            assertThat(send.channel()).isEqualTo(MessageChannel.EMAIL);
            assertThat(send.deliveryId()).isNull();
        });
        assertThat(fixtures.deliveries(profile)).isZero();
        assertThat(fixtures.decisionCount(profile)).isZero();
    }

    static Dispatch dispatch(String message, String profile, @Nullable MessageChannel channel, Instant at) {
        return dispatch(message, profile, channel, at, Dispatch.QuietHours.HOLD, "journey:weekend-offer:v1:send");
    }

    static Dispatch dispatch(String message, String profile, @Nullable MessageChannel channel, Instant at,
            Dispatch.QuietHours quietHours, String origin) {
        return new Dispatch(UUID.fromString(message), UUID.fromString(profile), channel, quietHours, Map.of(), null,
                origin, at);
    }
}
