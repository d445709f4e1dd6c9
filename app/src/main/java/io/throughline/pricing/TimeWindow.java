package io.throughline.pricing;

import io.throughline.platform.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Hours of the brand's local time on which a promotion runs, e.g. Friday and Saturday 17:00–20:00 ("happy
 * hour"); no days means every day. {@code from} is inclusive, {@code until} exclusive; an {@code until} before
 * {@code from} runs over midnight.
 */
public record TimeWindow(List<DayOfWeek> days, LocalTime from, LocalTime until) {

    public TimeWindow {
        days = days == null ? List.of() : List.copyOf(days);
        if (from == null || until == null || from.equals(until)) {
            throw new InvalidRequestException("conditions.hours", "needs a from and an until that differ");
        }
    }

    /** Whether the local moment falls in the window; over midnight, the day is the day the window opened. */
    public boolean contains(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        if (from.isBefore(until)) {
            return onDay(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(until);
        }
        if (!time.isBefore(from)) {
            return onDay(local.getDayOfWeek());
        }
        return time.isBefore(until) && onDay(local.getDayOfWeek().minus(1));
    }

    private boolean onDay(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
