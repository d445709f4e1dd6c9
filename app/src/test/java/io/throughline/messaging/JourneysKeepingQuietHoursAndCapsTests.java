package io.throughline.messaging;

import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.OFFER;
import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.dispatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.NoControlGroup;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two journeys send to one customer: her night is quiet in her own time zone, and the frequency caps count the
 * marketing of every journey together, even when they dispatch at the same moment. With the built-in settings:
 * quiet hours 21:00–08:00 on SMS and push, at most 3 marketing messages a week, 2 by email, 1 by SMS, 2 by push.
 */
@PlatformTest
@NoControlGroup
class JourneysKeepingQuietHoursAndCapsTests {

    /** 21:30 in Budapest (UTC+1 in November). */
    static final Instant BUDAPEST_EVENING = Instant.parse("2026-11-24T20:30:00Z");
    static final Instant NOON = ShopperReachedOnHerBestChannelTests.NOON;

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
    void aTextInHerQuietHoursIsHeldUntilEightInTheMorningOrDropped() {
        String profile = fixtures.customer(Map.of("givenName", "Zsófi", "phone", fixtures.uniquePhone(),
                "email", fixtures.uniqueEmail("zsofi")));
        fixtures.consent(profile, "sms", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision held = choices.dispatch(dispatch(message, profile, MessageChannel.SMS, BUDAPEST_EVENING));
        ChannelDecision dropped = choices.dispatch(dispatch(message, profile, MessageChannel.SMS, BUDAPEST_EVENING,
                Dispatch.QuietHours.DROP, "journey:weekend-offer:v1:send"));

        assertThat(held).isInstanceOfSatisfying(ChannelDecision.Hold.class, hold -> {
            assertThat(hold.channel()).isEqualTo(MessageChannel.SMS);
            assertThat(hold.until()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        });
        assertThat(held.reasons()).containsExactly(
                "sms held: quiet hours 21:00–08:00 Europe/Budapest, until 08:00");
        assertThat(dropped).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(dropped.reasons()).containsExactly("sms dropped: quiet hours 21:00–08:00 Europe/Budapest");
        assertThat(fixtures.deliveries(profile)).isZero();
        var recorded = fixtures.decisions(profile).get("items");
        assertThat(recorded.get(1).get("outcome").asString()).isEqualTo("hold");
        assertThat(recorded.get(1).get("holdUntil").asString()).isEqualTo("2026-11-25T07:00:00Z");
        assertThat(recorded.get(0).get("outcome").asString()).isEqualTo("skip");
    }

    @Test
    void quietHoursFollowHerOwnTimeZoneAndSpareEmailAndTransactionalMessages() {
        String profile = fixtures.identified(port, "tokyo-" + UUID.randomUUID(), Map.of("firstName", "Yui",
                "phone", fixtures.uniquePhone(), "email", fixtures.uniqueEmail("yui"), "timezone", "Asia/Tokyo",
                "consent", Map.of("marketing", Map.of("sms", true, "email", true))));
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        String ready = fixtures.message(OFFER.formatted(UUID.randomUUID(), "transactional"));

        // 21:30 in Budapest is 05:30 the next morning in Tokyo.
        ChannelDecision text = choices.decide(dispatch(message, profile, MessageChannel.SMS, BUDAPEST_EVENING));
        ChannelDecision mail = choices.decide(dispatch(message, profile, MessageChannel.EMAIL, BUDAPEST_EVENING));
        ChannelDecision pickupReady = choices.decide(dispatch(ready, profile, MessageChannel.SMS,
                BUDAPEST_EVENING));
        // 13:00 in Tokyo: her afternoon, Budapest's night.
        ChannelDecision afternoon = choices.decide(dispatch(message, profile, MessageChannel.SMS,
                Instant.parse("2026-11-24T04:00:00Z")));

        assertThat(text).isInstanceOfSatisfying(ChannelDecision.Hold.class,
                hold -> assertThat(hold.until()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z")));
        assertThat(text.reasons()).containsExactly("sms held: quiet hours 21:00–08:00 Asia/Tokyo, until 08:00");
        assertThat(mail).isInstanceOf(ChannelDecision.Send.class);
        assertThat(pickupReady).isInstanceOf(ChannelDecision.Send.class);
        assertThat(afternoon).isInstanceOf(ChannelDecision.Send.class);
    }

    @Test
    void theCapsCountTheMarketingOfBothJourneysAndPassTheSendToTheNextChannel() {
        String profile = fixtures.customer(Map.of("givenName", "Dóra", "email", fixtures.uniqueEmail("dora")));
        fixtures.consent(profile, "email", true);
        fixtures.consent(profile, "push", true);
        String cart = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        String review = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        String receipt = fixtures.message(OFFER.formatted(UUID.randomUUID(), "transactional"));

        List<ChannelDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean cartJourney = i % 2 == 0;
            decisions.add(choices.dispatch(dispatch(cartJourney ? cart : review, profile, null,
                    NOON.plus(Duration.ofHours(i)), Dispatch.QuietHours.HOLD,
                    cartJourney ? "journey:abandoned-cart:v2:remind" : "journey:review-request:v1:ask")));
        }
        ChannelDecision transactional = choices.dispatch(dispatch(receipt, profile, MessageChannel.EMAIL,
                NOON.plus(Duration.ofHours(5))));
        // A week after the first send, its place under the caps is free again.
        ChannelDecision nextWeek = choices.decide(dispatch(cart, profile, null,
                NOON.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))));

        assertThat(decisions.subList(0, 3)).map(ChannelDecisionChannel::of)
                .containsExactly(MessageChannel.PUSH, MessageChannel.PUSH, MessageChannel.EMAIL);
        assertThat(decisions.get(2).reasons())
                .contains("push skipped: frequency cap: 2 of 2 push marketing messages in 7 days");
        assertThat(decisions.get(3)).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(decisions.get(3).reasons())
                .contains("push skipped: frequency cap: 3 of 3 marketing messages in 7 days",
                        "email skipped: frequency cap: 3 of 3 marketing messages in 7 days");
        assertThat(transactional).isInstanceOf(ChannelDecision.Send.class);
        assertThat(ChannelDecisionChannel.of(nextWeek)).isEqualTo(MessageChannel.PUSH);
        assertThat(fixtures.deliveries(profile)).isEqualTo(4);
    }

    @Test
    void concurrentDispatchesToOneCustomerDoNotExceedHerCap() throws Exception {
        String profile = fixtures.customer(Map.of("givenName", "Bea", "email", fixtures.uniqueEmail("bea")));
        fixtures.consent(profile, "email", true);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        int dispatches = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ChannelDecision>> futures = new ArrayList<>();
        try (ExecutorService journeys = Executors.newFixedThreadPool(dispatches)) {
            for (int i = 0; i < dispatches; i++) {
                String origin = "journey:flash-sale-" + i + ":v1:send";
                futures.add(journeys.submit(() -> {
                    start.await();
                    return choices.dispatch(dispatch(message, profile, MessageChannel.EMAIL, NOON,
                            Dispatch.QuietHours.HOLD, origin));
                }));
            }
            start.countDown();
            long sent = 0;
            for (Future<ChannelDecision> future : futures) {
                if (future.get() instanceof ChannelDecision.Send) {
                    sent++;
                }
            }
            assertThat(sent).isEqualTo(2);
        }
        assertThat(fixtures.deliveries(profile)).isEqualTo(2);
        assertThat(fixtures.decisionCount(profile)).isEqualTo(dispatches);
    }

    /** The channel a decision sends on, or null. */
    static final class ChannelDecisionChannel {
        static MessageChannel of(ChannelDecision decision) {
            return decision instanceof ChannelDecision.Send send ? send.channel() : null;
        }
    }
}
