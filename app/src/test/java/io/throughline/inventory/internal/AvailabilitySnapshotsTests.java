package io.throughline.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.StockLevelChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A node's availability snapshots: kept while they hold, never past a change, a hold's expiry or their age. */
class AvailabilitySnapshotsTests {

    private static final String SKU = "TK-SNAP-1";
    private static final String WEB = "web";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AvailabilitySnapshots snapshots = new AvailabilitySnapshots(clock, Duration.ofSeconds(1));
    private final AtomicInteger computations = new AtomicInteger();

    @AfterEach
    void noTransactionLeftBehind() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aSecondReadWithinItsAgeIsAnsweredWithoutComputing() {
        snapshots.get(SKU, WEB, () -> compute(7, null));
        var second = snapshots.get(SKU, WEB, () -> compute(99, null));

        assertThat(second.available()).isEqualTo(7);
        assertThat(computations).hasValue(1);
    }

    @Test
    void aCommittedChangeOfTheSkuIsSeenByTheNextRead() {
        snapshots.get(SKU, WEB, () -> compute(7, null));

        snapshots.on(new StockLevelChanged(SKU, UUID.randomUUID(), MovementKind.RECEIPT, 5, 12, clock.instant()));

        assertThat(snapshots.get(SKU, WEB, () -> compute(12, null)).available()).isEqualTo(12);
    }

    @Test
    void aChangeOfAnotherSkuLeavesTheSnapshot() {
        snapshots.get(SKU, WEB, () -> compute(7, null));

        snapshots.on(new StockLevelChanged("TK-OTHER", UUID.randomUUID(), MovementKind.RECEIPT, 5, 5, clock.instant()));

        assertThat(snapshots.get(SKU, WEB, () -> compute(99, null)).available()).isEqualTo(7);
    }

    @Test
    void aSnapshotEndsWhenTheFirstHoldItCountsRunsOut() {
        snapshots.get(SKU, WEB, () -> compute(3, clock.instant().plusMillis(200)));

        clock.advance(Duration.ofMillis(200));

        assertThat(snapshots.get(SKU, WEB, () -> compute(5, null)).available()).isEqualTo(5);
    }

    @Test
    void aSnapshotEndsAtItsMaximumAgeSoThatOtherNodesChangesAreSeen() {
        snapshots.get(SKU, WEB, () -> compute(7, null));

        clock.advance(Duration.ofMillis(999));
        assertThat(snapshots.get(SKU, WEB, () -> compute(8, null)).available()).isEqualTo(7);
        clock.advance(Duration.ofMillis(1));
        assertThat(snapshots.get(SKU, WEB, () -> compute(8, null)).available()).isEqualTo(8);
    }

    @Test
    void aComputationThatAChangeOvertookIsNotKept() {
        snapshots.get(SKU, WEB, () -> {
            // The change commits while the statement still reads the state before it.
            snapshots.on(new StockLevelChanged(SKU, UUID.randomUUID(), MovementKind.RECEIPT, 5, 12, clock.instant()));
            return compute(7, null);
        });

        assertThat(snapshots.get(SKU, WEB, () -> compute(12, null)).available()).isEqualTo(12);
    }

    @Test
    void aReadInsideATransactionAlwaysComputesSinceItMayFollowItsOwnWrites() {
        snapshots.get(SKU, WEB, () -> compute(7, null));
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThat(snapshots.get(SKU, WEB, () -> compute(6, null)).available()).isEqualTo(6);
    }

    @Test
    void channelsAreKeptApart() {
        snapshots.get(SKU, WEB, () -> compute(7, null));

        assertThat(snapshots.get(SKU, "app", () -> compute(2, null)).available()).isEqualTo(2);
    }

    @Test
    void aChangedChannelRuleOrLocationDropsEverySnapshot() {
        snapshots.get(SKU, WEB, () -> compute(7, null));

        snapshots.forgetAllAfterCommit();

        assertThat(snapshots.get(SKU, WEB, () -> compute(4, null)).available()).isEqualTo(4);
    }

    private AvailabilitySnapshots.Computed compute(int available, @Nullable Instant nextExpiry) {
        computations.incrementAndGet();
        return new AvailabilitySnapshots.Computed(
                new ChannelAvailability(SKU, WEB, available, List.of(), clock.instant()), nextExpiry);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
