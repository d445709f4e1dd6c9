package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.FunnelStep;
import io.throughline.analytics.Period;
import io.throughline.analytics.internal.funnel.FunnelEngine;
import io.throughline.platform.Rows;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the touches of a funnel's events customer by customer, in one statement ordered by customer, and walks each
 * through the funnel as it streams past: memory holds one customer's events at a time.
 */
@Component
class FunnelReads {

    /** A customer's progress, with her cohort: the month of her first order, or "none". */
    record Walked(FunnelEngine.Progress progress, String cohort) {}

    static final String NO_COHORT = "none";

    private final JdbcClient jdbc;
    private final BrandCalendar calendar;

    FunnelReads(JdbcClient jdbc, BrandCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    List<Walked> walk(List<FunnelStep> steps, Period period, @Nullable String entryChannel) {
        FunnelEngine engine = new FunnelEngine(steps);
        Duration longest = steps.stream().skip(1).map(FunnelStep::window).reduce(Duration.ZERO, Duration::plus);
        Instant until = period.to().plus(longest);
        List<String> names = steps.stream().map(FunnelStep::event).distinct().toList();
        List<Walked> walked = new ArrayList<>();
        List<FunnelEngine.Step> events = new ArrayList<>();
        UUID[] current = new UUID[1];
        String[] cohort = new String[1];
        jdbc.sql("""
                WITH entered AS (
                    SELECT DISTINCT profile_id FROM analytics.touch
                    WHERE name = :first AND first_at >= :from AND first_at < :to
                      AND (CAST(:channel AS text) IS NULL OR channel = :channel))
                SELECT t.profile_id, t.name, t.channel, t.first_at,
                       (SELECT to_char(min(o.occurred_at) AT TIME ZONE CAST(:zone AS text), 'YYYY-MM') FROM analytics.order_fact o
                        WHERE o.profile_id = t.profile_id AND NOT o.cancelled) AS cohort
                FROM analytics.touch t JOIN entered USING (profile_id)
                WHERE t.name = ANY(:names) AND t.first_at >= :from AND t.first_at < :until
                ORDER BY t.profile_id, t.first_at, t.name""")
                .param("first", steps.getFirst().event()).param("zone", calendar.sqlZone()).param("from", Rows.timestamp(period.from()))
                .param("to", Rows.timestamp(period.to())).param("until", Rows.timestamp(until))
                .param("channel", entryChannel, Types.VARCHAR).param("names", names.toArray(String[]::new))
                .query(rs -> {
                    UUID profile = Rows.uuid(rs, "profile_id");
                    if (!profile.equals(current[0])) {
                        finish(engine, current[0], events, cohort[0], period, entryChannel, walked);
                        current[0] = profile;
                        String first = rs.getString("cohort");
                        cohort[0] = first == null ? NO_COHORT : first;
                    }
                    events.add(new FunnelEngine.Step(rs.getString("name"), rs.getString("channel"),
                            Rows.instant(rs, "first_at")));
                });
        finish(engine, current[0], events, cohort[0], period, entryChannel, walked);
        return walked;
    }

    private static void finish(FunnelEngine engine, @Nullable UUID profile, List<FunnelEngine.Step> events,
            @Nullable String cohort, Period period, @Nullable String entryChannel, List<Walked> walked) {
        if (profile != null) {
            engine.walk(profile, events, period.from(), period.to(), entryChannel)
                    .ifPresent(progress -> walked.add(new Walked(progress, cohort == null ? NO_COHORT : cohort)));
        }
        events.clear();
    }
}
