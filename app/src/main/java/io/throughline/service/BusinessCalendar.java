package io.throughline.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** When the contact centre works: hours per day of the week in a zone, and the whole days it does not. */
public record BusinessCalendar(UUID id, String name, ZoneId zone, List<WorkingHours> hours, List<Holiday> holidays) {

    public BusinessCalendar {
        hours = List.copyOf(hours);
        holidays = List.copyOf(holidays);
    }

    /** One stretch of work on a day of the week; two on one day are a split shift. */
    public record WorkingHours(DayOfWeek day, LocalTime opens, LocalTime closes) {}

    public record Holiday(LocalDate day, String name) {}
}
