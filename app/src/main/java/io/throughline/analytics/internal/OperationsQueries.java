package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue.Fraction;
import io.throughline.platform.Rows;
import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollup reads behind the KPIs of the teams beside marketing: loyalty (points and members), service (cases'
 * timings and resolutions, satisfaction), stock (stock-outs) and time to relevance. One statement each, answering a
 * numerator and a denominator as {@code Kpi} defines it.
 */
@Component
class OperationsQueries {

    private static final String AUDIENCE = KpiQueries.AUDIENCE;

    private final JdbcClient jdbc;
    private final BrandCalendar calendar;

    OperationsQueries(JdbcClient jdbc, BrandCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /**
     * A measure's total over the brand days the period covers. A measure row is a whole day, so the period's edges
     * are its days: periods are asked in whole days of the brand's calendar.
     */
    long measureTotal(KpiQuery query, Measure measure) {
        return statement("""
                SELECT coalesce(sum(total), 0) FROM analytics.measure
                WHERE measure = :measure AND day >= :first_day AND day < :end_day AND %s""".formatted(AUDIENCE), query)
                .param("measure", measure.name()).query(Long.class).single();
    }

    long activeMembers(KpiQuery query) {
        return statement("""
                SELECT count(DISTINCT profile_id) FROM analytics.measure
                WHERE measure IN ('POINTS_EARNED', 'POINTS_REDEEMED') AND day >= :first_day AND day < :end_day
                  AND %s""".formatted(AUDIENCE), query).query(Long.class).single();
    }

    /** Each member's balance after her last movement before the period's end, summed. */
    long liability(KpiQuery query) {
        return statement("""
                SELECT coalesce(sum(last_value), 0) FROM (
                    SELECT DISTINCT ON (profile_id) profile_id, last_value FROM analytics.measure
                    WHERE measure = 'POINTS_BALANCE' AND day < :end_day AND %s
                    ORDER BY profile_id, day DESC) balances""".formatted(AUDIENCE), query).query(Long.class).single();
    }

    Fraction satisfaction(KpiQuery query) {
        return statement("""
                SELECT coalesce(sum(total), 0) AS num, coalesce(sum(events), 0) AS den FROM analytics.measure
                WHERE measure = 'SATISFACTION' AND day >= :first_day AND day < :end_day AND %s""".formatted(AUDIENCE),
                query)
                .query((rs, n) -> new Fraction(rs.getLong("num"), rs.getLong("den"))).single();
    }

    Fraction firstResponseTime(KpiQuery query) {
        return seconds("first_response_at", query);
    }

    Fraction handlingTime(KpiQuery query) {
        return seconds("resolved_at", query);
    }

    private Fraction seconds(String column, KpiQuery query) {
        return statement("""
                SELECT coalesce(sum(extract(epoch FROM %1$s - started_at)), 0) AS num, count(*) AS den
                FROM analytics.service_case
                WHERE %1$s >= :from AND %1$s < :to AND started_at IS NOT NULL AND %1$s >= started_at
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %2$s""".formatted(column, AUDIENCE),
                query)
                .query((rs, n) -> new Fraction(rs.getDouble("num"), rs.getLong("den"))).single();
    }

    Fraction firstContactResolution(KpiQuery query) {
        return statement("""
                SELECT count(*) FILTER (WHERE c.resolutions = 1 AND NOT EXISTS (
                           SELECT 1 FROM analytics.service_case next
                           WHERE next.profile_id = c.profile_id AND next.conversation_id <> c.conversation_id
                             AND next.started_at > c.started_at
                             AND next.started_at <= c.resolved_at + interval '7 days')) AS num,
                       count(*) AS den
                FROM analytics.service_case c
                WHERE c.resolved_at >= :from AND c.resolved_at < :to AND c.started_at IS NOT NULL
                  AND (CAST(:channel AS text) IS NULL OR c.channel = :channel) AND %s""".formatted(AUDIENCE), query)
                .query((rs, n) -> new Fraction(rs.getLong("num"), rs.getLong("den"))).single();
    }

    /**
     * Hours with nothing on hand over hours known, both cut to the period, in seconds: a level of 0 lasts until the
     * next change of that SKU-location, and a SKU-location is known from its first change.
     */
    Fraction stockOuts(KpiQuery query) {
        return statement("""
                WITH p AS (SELECT CAST(:from AS timestamptz) AS from_at, CAST(:to AS timestamptz) AS to_at),
                levels AS (
                    SELECT l.sku, l.location_id, l.changed_at, l.on_hand,
                           lead(l.changed_at) OVER (PARTITION BY l.sku, l.location_id ORDER BY l.changed_at) AS until
                    FROM analytics.stock_level l, p WHERE l.changed_at < p.to_at),
                known AS (
                    SELECT min(changed_at) AS first_at FROM levels GROUP BY sku, location_id)
                SELECT (SELECT coalesce(sum(extract(epoch FROM least(coalesce(until, p.to_at), p.to_at)
                                                    - greatest(changed_at, p.from_at))), 0)
                        FROM levels, p
                        WHERE on_hand <= 0 AND coalesce(until, p.to_at) > p.from_at) AS num,
                       (SELECT coalesce(sum(extract(epoch FROM p.to_at - greatest(first_at, p.from_at))), 0)
                        FROM known, p) AS den""", query)
                .query((rs, n) -> new Fraction(rs.getDouble("num"), rs.getDouble("den"))).single();
    }

    /** From her first activity of the period to the first send at or after it. */
    Fraction timeToRelevance(KpiQuery query) {
        return statement("""
                WITH first_activity AS (
                    SELECT profile_id, min(first_at) AS at FROM analytics.touch
                    WHERE %s AND first_at >= :from AND first_at < :to AND name NOT IN %s AND channel <> 'platform'
                      AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s
                    GROUP BY profile_id),
                reached AS (
                    SELECT a.profile_id, min(t.first_at) - a.at AS wait FROM first_activity a
                    JOIN analytics.touch t ON t.profile_id = a.profile_id AND t.name = :sent
                     AND t.day >= CAST((a.at AT TIME ZONE 'UTC') AS date) - 1
                     AND t.first_at >= a.at AND t.first_at < :to
                    GROUP BY a.profile_id, a.at)
                SELECT coalesce(sum(extract(epoch FROM wait)), 0) AS num, count(*) AS den FROM reached"""
                .formatted(KpiQueries.DAYS, Touches.notActivitySql(), AUDIENCE), query)
                .param("sent", Touches.MESSAGE_SENT)
                .query((rs, n) -> new Fraction(rs.getDouble("num"), rs.getLong("den"))).single();
    }

    private JdbcClient.StatementSpec statement(String sql, KpiQuery query) {
        return jdbc.sql(sql)
                .param("from", Rows.timestamp(query.period().from()))
                .param("to", Rows.timestamp(query.period().to()))
                .param("first_day", java.sql.Date.valueOf(calendar.day(query.period().from())))
                .param("end_day", java.sql.Date.valueOf(calendar.day(query.period().to())))
                .param("channel", query.channelKey(), Types.VARCHAR)
                .param("everyone", query.audience() == null)
                .param("audience", query.audienceMembers());
    }
}
