package io.throughline.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates as console pages show them, in the brand's time zone (templates call it as {@code @consoleDates}). */
@Component("consoleDates")
class ConsoleDates {

    private final DateTimeFormatter day;
    private final DateTimeFormatter minute;
    private final DateTimeFormatter second;

    ConsoleDates(@Value("${throughline.console.time-zone:UTC}") ZoneId zone) {
        this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
        this.second = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    public String day(Instant instant) {
        return day.format(instant);
    }

    public String minute(Instant instant) {
        return minute.format(instant);
    }

    /** To the second, so that events seconds apart still read in order, as on the timeline. */
    public String second(Instant instant) {
        return second.format(instant);
    }
}
