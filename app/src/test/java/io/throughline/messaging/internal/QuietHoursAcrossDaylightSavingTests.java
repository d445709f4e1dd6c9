package io.throughline.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.messaging.MessageChannel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class QuietHoursAcrossDaylightSavingTests {

    static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");
    static final QuietHours NIGHT = QuietHours.defaults();

    @Test
    void anEveningTextWaitsUntilEightTheNextMorningAndAnEarlyOneUntilEightThatMorning() {
        assertThat(NIGHT.endOf(Instant.parse("2026-11-24T20:30:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(NIGHT.endOf(Instant.parse("2026-11-25T05:59:00Z"), BUDAPEST, MessageChannel.PUSH))
                .contains(Instant.parse("2026-11-25T07:00:00Z"));
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(NIGHT.endOf(Instant.parse("2026-11-24T20:00:00Z"), BUDAPEST, MessageChannel.SMS)).isPresent();
        assertThat(NIGHT.endOf(Instant.parse("2026-11-24T19:59:59Z"), BUDAPEST, MessageChannel.SMS)).isEmpty();
        assertThat(NIGHT.endOf(Instant.parse("2026-11-25T07:00:00Z"), BUDAPEST, MessageChannel.SMS)).isEmpty();
    }

    @Test
    void emailAndInAppCardsAreNotQuietedByDefault() {
        Instant night = Instant.parse("2026-11-24T23:00:00Z");
        assertThat(NIGHT.endOf(night, BUDAPEST, MessageChannel.EMAIL)).isEmpty();
        assertThat(NIGHT.endOf(night, BUDAPEST, MessageChannel.IN_APP)).isEmpty();
    }

    @Test
    void theNightTheClocksGoBackEndsAtEightWinterTime() {
        // 22:00 summer time on 24 October; the clocks go back from 03:00 to 02:00 that night.
        assertThat(NIGHT.endOf(Instant.parse("2026-10-24T20:00:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void theNightTheClocksGoForwardEndsAtEightSummerTime() {
        // 23:00 winter time on 28 March; the clocks go forward from 02:00 to 03:00 that night.
        assertThat(NIGHT.endOf(Instant.parse("2026-03-28T22:00:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void anEndInTheSkippedHourMovesToTheFirstMomentThatExists() {
        QuietHours shortNight = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30), EnumSet.of(MessageChannel.SMS));
        // 01:30 winter time; 02:30 does not exist that night, so the window ends at 03:30 summer time.
        assertThat(shortNight.endOf(Instant.parse("2026-03-29T00:30:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void bothPassesThroughTheRepeatedHourAreInAWindowThatStartsInIt() {
        QuietHours lateNight = new QuietHours(LocalTime.of(2, 30), LocalTime.of(8, 0), EnumSet.of(MessageChannel.SMS));
        // 02:45 summer time, then 02:45 winter time an hour later.
        assertThat(lateNight.endOf(Instant.parse("2026-10-25T00:45:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
        assertThat(lateNight.endOf(Instant.parse("2026-10-25T01:45:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void aDaytimeWindowDoesNotRunOverMidnightAndAnEmptyOneIsNeverQuiet() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), EnumSet.of(MessageChannel.SMS));
        assertThat(siesta.endOf(Instant.parse("2026-11-24T12:30:00Z"), BUDAPEST, MessageChannel.SMS))
                .contains(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(siesta.endOf(Instant.parse("2026-11-24T23:30:00Z"), BUDAPEST, MessageChannel.SMS)).isEmpty();
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), EnumSet.of(MessageChannel.SMS));
        assertThat(none.endOf(Instant.parse("2026-11-24T23:30:00Z"), BUDAPEST, MessageChannel.SMS)).isEmpty();
    }
}
