package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsMadeInOneMillisecondTests {

    private static long millisOf(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
        Clock stopped = Clock.fixed(Instant.parse("2026-12-07T10:00:00.123Z"), ZoneOffset.UTC);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            made.add(Ids.newId(stopped));
        }

        assertThat(made).isSortedAccordingTo(UUID::compareTo);
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(millisOf(id)).isEqualTo(stopped.millis());
        });
    }

    @Test
    void anIdForAnEarlierTimeKeepsItsOwnTime() {
        Clock now = Clock.fixed(Instant.parse("2026-12-07T10:00:00.123Z"), ZoneOffset.UTC);
        Clock history = Clock.fixed(Instant.parse("2010-12-01T08:26:00Z"), ZoneOffset.UTC);
        Ids.newId(now);

        UUID old = Ids.newId(history);

        assertThat(millisOf(old)).isEqualTo(history.millis());
        assertThat(old.version()).isEqualTo(7);
    }
}
