package io.throughline.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The brand's days and months, in its own time zone: a rollup's day, a period given in days, a cohort's month and a
 * dashboard's month all mean the same stretch of time, so that an order at 00:30 in Budapest counts on the day the
 * shop lived it, not on the UTC day before.
 */
public record BrandCalendar(ZoneId zone) {

    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    public YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Whole days {@code [from, to)}. */
    public Period days(LocalDate from, LocalDate to) {
        return new Period(startOf(from), startOf(to));
    }

    public Period month(YearMonth month) {
        return days(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The zone's name as PostgreSQL takes it in {@code AT TIME ZONE} and {@code date_trunc}. */
    public String sqlZone() {
        return zone.getId();
    }
}
