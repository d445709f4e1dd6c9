package io.throughline.journeys.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as definitions write them, and times of day. */
final class Times {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private Times() {}

    /**
     * {@code 48h}, {@code 30m}, {@code 7d}, {@code 10s}, or ISO-8601 such as {@code PT48H}.
     *
     * @throws IllegalArgumentException when it is neither, or not positive
     */
    static Duration duration(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException notIso) {
                throw new IllegalArgumentException("must be a duration such as 48h, 30m, 7d or PT48H");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be longer than zero");
        }
        return duration;
    }

    /** The first moment after {@code moment} at which the clock in the zone shows {@code time}. */
    static Instant nextTimeOfDay(Instant moment, LocalTime time, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
        if (!candidate.toInstant().isAfter(moment)) {
            candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return candidate.toInstant();
    }
}
