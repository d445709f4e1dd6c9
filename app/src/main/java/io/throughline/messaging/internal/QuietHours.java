package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The hours of the customer's night in which the listed channels stay silent, e.g. 21:00–08:00 for SMS and push.
 * The window is in her local time, so it follows her daylight-saving changes; a window whose start is after its
 * end runs over midnight.
 */
record QuietHours(LocalTime start, LocalTime end, Set<MessageChannel> channels) {

    static QuietHours defaults() {
        return new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0),
                EnumSet.of(MessageChannel.SMS, MessageChannel.PUSH));
    }

    QuietHours {
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    /**
     * When the quiet hours that hold the moment end, if the moment falls in them on the channel. An end that
     * falls in a daylight-saving gap moves on to the first moment that exists (as {@link ZonedDateTime} does).
     */
    Optional<Instant> endOf(Instant at, ZoneId zone, MessageChannel channel) {
        if (!channels.contains(channel) || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overMidnight = start.isAfter(end);
        if (overMidnight) {
            if (!time.isBefore(start)) {
                return Optional.of(ZonedDateTime.of(day.plusDays(1), end, zone).toInstant());
            }
            if (time.isBefore(end)) {
                return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
            }
            return Optional.empty();
        }
        if (!time.isBefore(start) && time.isBefore(end)) {
            return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
        }
        return Optional.empty();
    }
}
