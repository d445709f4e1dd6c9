package io.throughline.analytics.internal.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The lift's interval on the worked examples of Newcombe (1998), "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17, Table II, method 10 (hybrid score).
 */
class LiftMeasuredAgainstTheControlGroupTests {

    @Test
    void fiftySixOfSeventyAgainstFortyEightOfEightyIsTwentyPointsUpFromFiveToThirtyThree() {
        LiftEstimate estimate = LiftEstimate.of(70, 56, 80, 48);

        assertThat(estimate.lift()).isCloseTo(0.2, within(1e-12));
        assertThat(estimate.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(estimate.high()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void smallGroupsGetAWideIntervalThatStaysInsideItsBounds() {
        LiftEstimate estimate = LiftEstimate.of(10, 9, 10, 3);

        assertThat(estimate.lift()).isCloseTo(0.6, within(1e-12));
        assertThat(estimate.low()).isCloseTo(0.1705, within(5e-5));
        assertThat(estimate.high()).isCloseTo(0.8090, within(5e-5));
    }

    @Test
    void withoutAControlGroupNothingCanBeTold() {
        LiftEstimate estimate = LiftEstimate.of(12, 3, 0, 0);

        assertThat(estimate.treatedRate()).isEqualTo(0.25);
        assertThat(estimate.low()).isEqualTo(-1);
        assertThat(estimate.high()).isEqualTo(1);
    }
}
