package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A journey's send step asks for the best channel: consent and a variant decide which channels may carry it. */
@PlatformTest
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
    void nobodyInTheControlGroup() {
        fixtures = new MessagingFixtures(new Admin(port).api());
        fixtures.settings(Map.of("control-group-percent", "0"));
    }

    @AfterEach
    void controlGroupBack() {
        fixtures.settings(Map.of("control-group-percent", ""));
    }

    @Test
    void withoutConsentNothingIsSentAndEveryReasonSaysWhy() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata"),
                "phone", fixtures.uniquePhone()));
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision decision = choices.dispatch(dispatch(message, profile, null));

        assertThat(decision).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(decision.reasons()).contains("push skipped: no marketing consent for push",
                "email skipped: no marketing consent for email", "sms skipped: no marketing consent for sms");
        assertThat(fixtures.deliveries(profile)).isZero();
    }

    @Test
    void theOnlyConsentedChannelCarriesTheMessage() {
        String profile = fixtures.customer(Map.of("givenName", "Kata", "email", fixtures.uniqueEmail("kata"),
                "phone", fixtures.uniquePhone()));
        fixtures.consent(profile, "sms", true);
        fixtures.consent(profile, "email", false);
        String message = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));

        ChannelDecision decision = choices.dispatch(dispatch(message, profile, null));

        assertThat(decision).isInstanceOfSatisfying(ChannelDecision.Send.class, send -> {
            assertThat(send.channel()).isEqualTo(MessageChannel.SMS);
            assertThat(send.deliveryId()).isNotNull();
        });
        assertThat(decision.reasons()).anyMatch(reason -> reason.startsWith(
                "email skipped: marketing consent for email refused"))
                .contains("push skipped: no marketing consent for push", "sms chosen");
        assertThat(fixtures.deliveries(profile)).isEqualTo(1);
    }

    static Dispatch dispatch(String message, String profile, MessageChannel channel) {
        return new Dispatch(UUID.fromString(message), UUID.fromString(profile), channel, Dispatch.QuietHours.HOLD,
                Map.of(), null, "journey:weekend-offer:v1:send", NOON);
    }
}
