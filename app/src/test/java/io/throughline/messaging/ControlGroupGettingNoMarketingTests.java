package io.throughline.messaging;

import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.NOON;
import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.OFFER;
import static io.throughline.messaging.ShopperReachedOnHerBestChannelTests.dispatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The global control group gets no marketing from any journey, only what she asked for; her would-be sends are
 * recorded so that her conversion can be compared with everyone else's. A half share finds members quickly.
 */
@PlatformTest
class ControlGroupGettingNoMarketingTests {

    @LocalServerPort
    int port;

    @Autowired
    ChannelChoices choices;

    MessagingFixtures fixtures;

    @BeforeEach
    void halfOfTheCustomersInTheControlGroup() {
        fixtures = new MessagingFixtures(new Admin(port).api());
        fixtures.settings(Map.of("control-group-percent", "50"));
    }

    @AfterEach
    void controlGroupBack() {
        fixtures.settings(Map.of("control-group-percent", ""));
    }

    @Test
    void aMemberGetsHerPickupNoticeButNoOfferAndAnOutsiderGetsBoth() {
        String offer = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        String pickup = fixtures.message(OFFER.formatted(UUID.randomUUID(), "transactional"));
        String member = null;
        String outsider = null;
        for (int i = 0; i < 40 && (member == null || outsider == null); i++) {
            String profile = fixtures.customer(Map.of("givenName", "Anna", "email", fixtures.uniqueEmail("anna")));
            fixtures.consent(profile, "email", true);
            ChannelDecision decision = choices.decide(dispatch(offer, profile, null, NOON));
            if (decision instanceof ChannelDecision.Skip) {
                member = member == null ? profile : member;
            } else {
                outsider = outsider == null ? profile : outsider;
            }
        }
        assertThat(member).as("a control group member among 40 customers").isNotNull();
        assertThat(outsider).as("a customer outside the control group among 40").isNotNull();

        ChannelDecision withheld = choices.dispatch(dispatch(offer, member, null, NOON));
        ChannelDecision again = choices.dispatch(dispatch(offer, member, MessageChannel.EMAIL, NOON));
        ChannelDecision notice = choices.dispatch(dispatch(pickup, member, MessageChannel.EMAIL, NOON));
        ChannelDecision sent = choices.dispatch(dispatch(offer, outsider, null, NOON));

        assertThat(withheld).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(withheld.reasons()).contains("control group: no marketing (would have been sent on email)");
        assertThat(again).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(notice).isInstanceOf(ChannelDecision.Send.class);
        assertThat(sent).isInstanceOf(ChannelDecision.Send.class);
        assertThat(fixtures.deliveries(member)).isEqualTo(1);
        JsonNode recorded = fixtures.decisions(member).get("items");
        assertThat(recorded.get(2).get("outcome").asString()).isEqualTo("control");
        assertThat(recorded.get(2).get("channel").asString()).isEqualTo("email");
        assertThat(recorded.get(2).has("deliveryId")).isFalse();
        assertThat(recorded.get(0).get("outcome").asString()).isEqualTo("send");
    }

    @Test
    void nobodyIsInTheControlGroupWhenItsShareIsZero() {
        fixtures.settings(Map.of("control-group-percent", "0"));
        String offer = fixtures.message(OFFER.formatted(UUID.randomUUID(), "marketing"));
        for (int i = 0; i < 8; i++) {
            String profile = fixtures.customer(Map.of("givenName", "Anna", "email", fixtures.uniqueEmail("anna")));
            fixtures.consent(profile, "email", true);
            assertThat(choices.decide(dispatch(offer, profile, null, NOON))).isInstanceOf(ChannelDecision.Send.class);
        }
    }
}
