package io.throughline.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick path for common timestamps reads every text exactly as the general ISO-8601 parser does. */
class IsoTimestampsTests {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T10:15:30Z", "2026-12-07T10:15:30.123Z", "2026-12-07T10:15:30.123456789Z",
            "2026-12-07t10:15:30.1z", "2026-12-07T10:15:30+01:00", "2026-12-07T10:15:30.5-05:30",
            "2026-12-07T10:15:30-00:00", "2024-02-29T23:59:59.999+14:00", "0000-01-01T00:00:00Z",
            "2026-12-07T10:15Z", "2026-12-07T10:15:30+01", "+12026-12-07T10:15:30Z", "2026-12-07T10:15:30+01:00:30",
            "2026-02-30T10:15:30Z", "2026-13-07T10:15:30Z", "2026-12-07T24:00:00Z", "2026-12-07T23:59:60Z",
            "2026-12-07T10:15:30.Z", "2026-12-07T10:15:30.1234567890Z", "2026-12-07T10:15:30+19:00",
            "2026-12-07T10:15:30+01:60", "2026-12-07 10:15:30Z", "2026-12-07T10:15:30", "2026-12-07T1a:15:30Z",
            "２０２６-12-07T10:15:30Z", "2026-12-07T10:15:30.１Z", "yesterday", ""})
    void readsEveryTextAsTheGeneralParserDoes(String text) {
        assertThat(IsoTimestamps.parse(text)).isEqualTo(general(text));
    }

    private static Instant general(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }
}
