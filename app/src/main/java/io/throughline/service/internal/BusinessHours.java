package io.throughline.service.internal;

import io.throughline.service.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts working time on a calendar: what moment lies a given amount of working time after a start, skipping
 * nights, weekends and holidays in the calendar's zone. A day's hours are read in local time, so a shift keeps
 * its clock hours across a change to or from summer time.
 */
final class BusinessHours {

    /** Two years without a working minute means the calendar has none; its targets cannot be met. */
    private static final int MAX_DAYS = 732;

    private final BusinessCalendar calendar;
    private final Set<LocalDate> holidays;

    BusinessHours(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.holidays = calendar.holidays().stream().map(BusinessCalendar.Holiday::day).collect(Collectors.toSet());
    }

    /** The moment {@code work} of working time after {@code start}; a start outside hours waits for the next. */
    Instant plus(Instant start, Duration work) {
        Duration left = work;
        LocalDate day = start.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (BusinessCalendar.WorkingHours shift : shiftsOn(day)) {
                Instant opens = ZonedDateTime.of(day, shift.opens(), calendar.zone()).toInstant();
                Instant closes = ZonedDateTime.of(day, shift.closes(), calendar.zone()).toInstant();
                Instant from = opens.isAfter(start) ? opens : start;
                if (!from.isBefore(closes)) {
                    continue;
                }
                Duration available = Duration.between(from, closes);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + calendar.name() + " has no working hours");
    }

    private List<BusinessCalendar.WorkingHours> shiftsOn(LocalDate day) {
        return calendar.hours().stream().filter(shift -> shift.day() == day.getDayOfWeek())
                .sorted(Comparator.comparing(BusinessCalendar.WorkingHours::opens)).toList();
    }
}
