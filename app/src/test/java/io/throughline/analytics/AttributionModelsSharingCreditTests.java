package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.throughline.analytics.internal.attribution.AttributionEngine;
import io.throughline.analytics.internal.attribution.Journey;
import io.throughline.analytics.internal.attribution.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Three journeys, shared by hand: web → email → shop converting 100 at the shop; email → web converting 60 on the
 * web; web alone converting nothing. Web is direct; time decay halves per day.
 */
class AttributionModelsSharingCreditTests {

    private static final Instant DAY0 = Instant.parse("2026-03-01T10:00:00Z");

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private final Map<AttributionModel, Map<String, Double>> credits =
            new AttributionEngine(Set.of("web"), Duration.ofDays(1)).attribute(List.of(
                    new Journey(List.of(new Touchpoint("web", day(0)), new Touchpoint("email", day(1)),
                            new Touchpoint("shop", day(2))), day(2), 100),
                    new Journey(List.of(new Touchpoint("email", day(0)), new Touchpoint("web", day(1))), day(1), 60),
                    new Journey(List.of(new Touchpoint("web", day(0))), null, 0)));

    private void shares(AttributionModel model, double web, double email, double shop) {
        Map<String, Double> of = credits.get(model);
        assertThat(of.getOrDefault("web", 0.0)).as(model + " web").isCloseTo(web, within(0.001));
        assertThat(of.getOrDefault("email", 0.0)).as(model + " email").isCloseTo(email, within(0.001));
        assertThat(of.getOrDefault("shop", 0.0)).as(model + " shop").isCloseTo(shop, within(0.001));
    }

    @Test
    void firstAndLastTouchGiveEverythingToOneEnd() {
        shares(AttributionModel.FIRST_TOUCH, 100, 60, 0);
        shares(AttributionModel.LAST_TOUCH, 60, 0, 100);
    }

    @Test
    void lastNonDirectPassesOverTheWebWhereSheCameBackOnHerOwn() {
        shares(AttributionModel.LAST_NON_DIRECT, 0, 60, 100);
    }

    @Test
    void linearAndPositionBasedShareByPlaceInTheJourney() {
        shares(AttributionModel.LINEAR, 100 / 3.0 + 30, 100 / 3.0 + 30, 100 / 3.0);
        shares(AttributionModel.POSITION_BASED, 40 + 30, 20 + 30, 40);
    }

    @Test
    void timeDecayHalvesTheCreditOfEachDayOlderTouch() {
        shares(AttributionModel.TIME_DECAY, 100 * 0.25 / 1.75 + 40, 100 * 0.5 / 1.75 + 20, 100 / 1.75);
    }

    @Test
    void markovSharesByTheChanceToConvertThatEachChannelsRemovalLoses() {
        // Base 2/3; without web 1/6, without email 2/9, without shop 1/3: removal effects 3/4, 2/3, 1/2.
        double sum = 0.75 + 2 / 3.0 + 0.5;
        shares(AttributionModel.MARKOV, 160 * 0.75 / sum, 160 * (2 / 3.0) / sum, 160 * 0.5 / sum);
    }

    @Test
    void shapleyGivesEachChannelItsAverageMarginalWorth() {
        shares(AttributionModel.SHAPLEY, 100 / 3.0 + 30, 100 / 3.0 + 30, 100 / 3.0);
    }

    @Test
    void everyModelSharesExactlyTheConvertedValue() {
        credits.forEach((model, byChannel) -> assertThat(byChannel.values().stream()
                .mapToDouble(Double::doubleValue).sum()).as(model.name()).isCloseTo(160, within(0.001)));
    }
}
