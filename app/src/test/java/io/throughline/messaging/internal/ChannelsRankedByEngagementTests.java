package io.throughline.messaging.internal;

import static io.throughline.messaging.MessageChannel.EMAIL;
import static io.throughline.messaging.MessageChannel.IN_APP;
import static io.throughline.messaging.MessageChannel.PUSH;
import static io.throughline.messaging.MessageChannel.SMS;
import static io.throughline.messaging.MessageChannel.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsRankedByEngagementTests {

    static final List<io.throughline.messaging.MessageChannel> FALLBACK = ChoiceRules.DEFAULT_FALLBACK;
    static final Instant NOW = Instant.parse("2026-11-24T11:00:00Z");

    @Test
    void withoutEngagementTheFallbackOrderHolds() {
        assertThat(ChannelRanking.rank(List.of(SMS, EMAIL, IN_APP, PUSH), Map.of(), FALLBACK))
                .containsExactly(PUSH, EMAIL, IN_APP, SMS);
    }

    @Test
    void theChannelSheEngagesWithMostComesFirstAndTheRestFollowTheFallbackOrder() {
        assertThat(ChannelRanking.rank(List.of(PUSH, EMAIL, SMS), Map.of(SMS, 3.0, EMAIL, 1.0), FALLBACK))
                .containsExactly(SMS, EMAIL, PUSH);
        assertThat(ChannelRanking.rank(List.of(PUSH, EMAIL, SMS), Map.of(SMS, 1.0, EMAIL, 1.0), FALLBACK))
                .containsExactly(EMAIL, SMS, PUSH);
    }

    @Test
    void aChannelMissingFromTheFallbackOrderComesLast() {
        assertThat(ChannelRanking.rank(List.of(TASK, SMS, PUSH), Map.of(), List.of(SMS, PUSH)))
                .containsExactly(SMS, PUSH, TASK);
    }

    @Test
    void aSignalHalvesEveryThirtyDays() {
        Engagement click = new Engagement(0, NOW.minus(Duration.ofDays(90))).plus(Engagement.CLICK,
                NOW.minus(Duration.ofDays(30)));
        assertThat(click.at(NOW)).isCloseTo(1.5, within(1e-9));
        assertThat(click.at(NOW.plus(Duration.ofDays(30)))).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void aRecentOpenOutweighsAnOldPurchase() {
        Engagement email = new Engagement(0, NOW).plus(Engagement.PURCHASE, NOW.minus(Duration.ofDays(90)));
        Engagement push = new Engagement(0, NOW).plus(Engagement.OPEN, NOW.minus(Duration.ofDays(1)));
        assertThat(email.at(NOW)).isCloseTo(0.625, within(1e-9));
        assertThat(push.at(NOW)).isGreaterThan(email.at(NOW));
    }

    @Test
    void aLateSignalCountsAsOfWhenItHappenedWhicheverOrderTheyArrive() {
        Instant earlier = NOW.minus(Duration.ofDays(30));
        Engagement inOrder = new Engagement(0, earlier).plus(Engagement.CLICK, earlier).plus(Engagement.OPEN, NOW);
        Engagement late = new Engagement(0, NOW).plus(Engagement.OPEN, NOW).plus(Engagement.CLICK, earlier);
        assertThat(inOrder.at(NOW)).isCloseTo(2.5, within(1e-9));
        assertThat(late.at(NOW)).isCloseTo(2.5, within(1e-9));
        assertThat(late.asOf()).isEqualTo(NOW);
    }
}
