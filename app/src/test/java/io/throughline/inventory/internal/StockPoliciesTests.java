package io.throughline.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.inventory.MovementKind;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StockPoliciesTests {

    @Test
    void receiptsAndReturnsAddSalesAndTransfersOutTakeAndAdjustmentsKeepTheirSign() {
        assertThat(MovementPolicy.delta(MovementKind.RECEIPT, 5)).isEqualTo(5);
        assertThat(MovementPolicy.delta(MovementKind.RETURN, 1)).isEqualTo(1);
        assertThat(MovementPolicy.delta(MovementKind.SALE, 2)).isEqualTo(-2);
        assertThat(MovementPolicy.delta(MovementKind.TRANSFER_OUT, 3)).isEqualTo(-3);
        assertThat(MovementPolicy.delta(MovementKind.ADJUSTMENT, -4)).isEqualTo(-4);
        assertThatThrownBy(() -> MovementPolicy.delta(MovementKind.SALE, -2))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> MovementPolicy.delta(MovementKind.ADJUSTMENT, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MovementPolicy.delta(MovementKind.COUNT, 1))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void onHandNeverGoesBelowZero() {
        assertThat(MovementPolicy.onHandAfter(3, -3)).isZero();
        assertThatThrownBy(() -> MovementPolicy.onHandAfter(3, -4)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Only 3 on hand");
        assertThatThrownBy(() -> MovementPolicy.counted(-1)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aReservationMustBeCoveredByWhatOthersDoNotHold() {
        ReservationPolicy.checkCovered(10, 7, 3);
        assertThatThrownBy(() -> ReservationPolicy.checkCovered(10, 8, 3)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Only 2 unreserved");
        assertThatThrownBy(() -> ReservationPolicy.checkCovered(2, 5, 1)).hasMessageContaining("Only 0 unreserved");
        assertThatThrownBy(() -> ReservationPolicy.ttl(Duration.ofDays(8))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ReservationPolicy.reference(" ")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void eachLocationContributesAtLeastNothing() {
        assertThat(AvailabilityPolicy.available(10, 3, 2)).isEqualTo(5);
        assertThat(AvailabilityPolicy.available(2, 0, 3)).isZero();
        assertThat(AvailabilityPolicy.available(2, 5, 0)).isZero();
    }

    @Test
    void distanceBetweenBudapestAndDebrecenIsAboutTwoHundredKilometres() {
        assertThat(Distance.km(47.4979, 19.0402, 47.5316, 21.6273)).isBetween(193.0, 196.0);
        assertThat(Distance.km(48.1180, 21.4070, 48.1180, 21.4070)).isZero();
    }
}
