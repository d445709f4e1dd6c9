package io.throughline.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * Dates as console pages show them (templates call it as {@code @consoleDates}): in the time zone the member
 * of staff chose, else the brand's, never as raw ISO instants.
 */
@Component("consoleDates")
class ConsoleDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final ZoneId brandZone;

    ConsoleDates(@Value("${throughline.console.time-zone:UTC}") ZoneId brandZone) {
        this.brandZone = brandZone;
    }

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.withZone(zone()).format(instant);
    }

    public String minute(@Nullable Instant instant) {
        return instant == null ? "" : MINUTE.withZone(zone()).format(instant);
    }

    /** To the second, so that events seconds apart still read in order, as on the timeline. */
    public String second(@Nullable Instant instant) {
        return instant == null ? "" : SECOND.withZone(zone()).format(instant);
    }

    /** The zone of the current request's reader: her own choice, else the brand's. */
    public ZoneId zone() {
        if (LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext context
                && context.getTimeZone() != null) {
            return context.getTimeZone().toZoneId();
        }
        return brandZone;
    }

    public ZoneId brandZone() {
        return brandZone;
    }
}
