package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.FunnelStep;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.Period;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns what an analytics request names (days, channel, currency, steps) into typed values, each refused at its field. */
@Component
class AnalyticsRequests {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;

    /** A funnel as the API takes it: steps with their windows in hours, a period and an optional entry channel. */
    record FunnelRequest(@Nullable List<StepRequest> steps, @Nullable String from, @Nullable String to,
            @Nullable String channel, @Nullable Integer step, @Nullable Integer limit, @Nullable String segment) {}

    record StepRequest(@Nullable String event, @Nullable Integer windowHours) {}

    private final Channels channels;
    private final AnalyticsProperties properties;
    private final Clock clock;
    private final BrandCalendar calendar;

    AnalyticsRequests(Channels channels, AnalyticsProperties properties, Clock clock, BrandCalendar calendar) {
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Whole days of the brand's calendar {@code [from, to)}; by default the last thirty days up to and including today. */
    Period period(@Nullable String from, @Nullable String to) {
        LocalDate end = to == null || to.isBlank() ? calendar.day(clock.instant()).plusDays(1)
                : day("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS) : day("from", from);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("to", "must be after from (" + start + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidRequestException("from", "must be at most " + MAX_DAYS + " days before to");
        }
        return calendar.days(start, end);
    }

    @Nullable Channel channel(@Nullable String key) {
        return key == null || key.isBlank() ? null : channels.resolve(key);
    }

    String currency(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return properties.currency();
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("currency", "must be an ISO 4217 currency code");
        }
    }

    KpiQuery query(@Nullable String from, @Nullable String to, @Nullable String channel, @Nullable String currency) {
        return new KpiQuery(period(from, to), channel(channel), currency(currency));
    }

    List<FunnelStep> steps(@Nullable List<StepRequest> steps) {
        if (steps == null || steps.size() < 2 || steps.size() > JdbcAnalytics.MAX_STEPS) {
            throw new InvalidRequestException("steps", "must be 2 to " + JdbcAnalytics.MAX_STEPS + " steps");
        }
        return java.util.stream.IntStream.range(0, steps.size()).mapToObj(index -> {
            StepRequest step = steps.get(index);
            if (step == null || step.event() == null || step.event().isBlank()) {
                throw new InvalidRequestException("steps[" + index + "].event", "must name an event");
            }
            int hours = step.windowHours() == null ? 24 * 30 : step.windowHours();
            if (hours < 1 || hours > 24 * 366) {
                throw new InvalidRequestException("steps[" + index + "].windowHours", "must be 1 to 8784 hours");
            }
            return new FunnelStep(step.event(), Duration.ofHours(hours));
        }).toList();
    }

    Duration lookback(@Nullable Integer days) {
        int value = days == null ? 30 : days;
        if (value < 1 || value > 365) {
            throw new InvalidRequestException("lookbackDays", "must be 1 to 365 days");
        }
        return Duration.ofDays(value);
    }

    Instant asOf(@Nullable String day) {
        return day == null || day.isBlank() ? clock.instant()
                : calendar.startOf(day("asOf", day));
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            throw new InvalidRequestException(field, "must be a day such as 2026-03-01");
        }
    }
}
