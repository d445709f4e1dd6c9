package io.throughline.tracking.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the ISO-8601 date-times that Segment clients send. Nearly all of them have one shape,
 * {@code 2026-12-07T10:15:30.123Z} or with an offset such as {@code +01:00}; those are read digit by digit, which
 * costs a fraction of a general formatter. Anything else goes to {@link OffsetDateTime#parse}, which decides, so
 * both paths accept exactly the same texts.
 */
final class IsoTimestamps {

    private IsoTimestamps() {}

    /** The instant, or null when the text is not an ISO-8601 date-time with an offset. */
    static @Nullable Instant parse(String text) {
        Instant fast = common(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]} then {@code Z} or {@code ±HH:mm}; null for any other shape or value. */
    private static @Nullable Instant common(String text) {
        int length = text.length();
        if (length < 20 || length > 35 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || (text.charAt(10) != 'T' && text.charAt(10) != 't')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int fraction = at - start;
            if (fraction == 0 || fraction > 9) {
                return null;
            }
            nanos = digits(text, start, fraction);
            for (int scale = fraction; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        int rest = length - at;
        char sign = at < length ? text.charAt(at) : ' ';
        if (rest == 1 && (sign == 'Z' || sign == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (rest == 6 && (sign == '+' || sign == '-') && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            try {
                offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                        : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } catch (DateTimeException outOfRange) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The non-negative number in {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
