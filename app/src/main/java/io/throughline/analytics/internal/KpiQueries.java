package io.throughline.analytics.internal;

import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue.Fraction;
import io.throughline.platform.Rows;
import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollup reads behind each KPI: one statement per figure, over the order facts and the touches, never the log.
 * Each answers a numerator and a denominator, so that the definition in {@code Kpi} is the whole story.
 */
@Component
class KpiQueries {

    /**
     * The days a period's touches can fall on, which the (day, name) index finds without reading the rest. A touch's
     * day is the brand's, which is within a day of the UTC one either way; {@code first_at} then cuts exactly.
     */
    static final String DAYS = "day >= CAST((CAST(:from AS timestamptz) AT TIME ZONE 'UTC') AS date) - 1"
            + " AND day <= CAST((CAST(:to AS timestamptz) AT TIME ZONE 'UTC') AS date) + 1";

    /** Narrows a statement to the query's audience, when it names one. */
    static final String AUDIENCE = "(CAST(:everyone AS boolean) OR profile_id = ANY(CAST(:audience AS uuid[])))";

    private static final String ORDERS = """
            FROM analytics.order_fact
            WHERE NOT cancelled AND currency = :currency AND occurred_at >= :from AND occurred_at < :to
              AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s""".formatted(AUDIENCE);

    private static final String TOUCHES = """
            FROM analytics.touch
            WHERE %s
              AND first_at >= :from AND first_at < :to AND (CAST(:channel AS text) IS NULL OR channel = :channel)
              AND %s""".formatted(DAYS, AUDIENCE);

    private final JdbcClient jdbc;

    KpiQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders, revenue (minor units) and customers who ordered. */
    record Sales(long orders, long revenue, long customers) {}

    Sales sales(KpiQuery query) {
        return statement("SELECT count(*) AS orders, coalesce(sum(total_minor), 0) AS revenue,"
                + " count(DISTINCT profile_id) AS customers " + ORDERS, query)
                .query((rs, n) -> new Sales(rs.getLong("orders"), rs.getLong("revenue"), rs.getLong("customers")))
                .single();
    }

    Fraction repeatPurchase(KpiQuery query) {
        return fraction("""
                SELECT count(*) FILTER (WHERE n >= 2) AS num, count(*) AS den
                FROM (SELECT profile_id, count(*) AS n %s GROUP BY profile_id) per_customer""".formatted(ORDERS),
                query);
    }

    Fraction retention(KpiQuery query) {
        KpiQuery before = query.previous();
        return statement("""
                WITH earlier AS (SELECT DISTINCT profile_id %s),
                     later AS (SELECT DISTINCT profile_id FROM analytics.order_fact
                               WHERE NOT cancelled AND currency = :currency AND occurred_at >= :later_from
                                 AND occurred_at < :later_to
                                 AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s)
                SELECT count(later.profile_id) AS num, count(*) AS den
                FROM earlier LEFT JOIN later USING (profile_id)""".formatted(ORDERS, AUDIENCE), before)
                .param("later_from", Rows.timestamp(query.period().from()))
                .param("later_to", Rows.timestamp(query.period().to()))
                .query((rs, n) -> new Fraction(rs.getLong("num"), rs.getLong("den"))).single();
    }

    /** Customers whose first order of the currency (on the channel, when one is named) falls in the period. */
    long newCustomers(KpiQuery query) {
        return statement("""
                SELECT count(*) FROM (
                    SELECT profile_id, min(occurred_at) AS first_at FROM analytics.order_fact
                    WHERE NOT cancelled AND currency = :currency AND occurred_at < :to
                      AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s
                    GROUP BY profile_id) firsts
                WHERE first_at >= :from""".formatted(AUDIENCE), query).query(Long.class).single();
    }

    /** Revenue of every order up to the period's end over the customers who placed them. */
    Fraction historicalLifetimeValue(KpiQuery query) {
        return fraction("""
                SELECT coalesce(sum(total_minor), 0) AS num, count(DISTINCT profile_id) AS den
                FROM analytics.order_fact
                WHERE NOT cancelled AND currency = :currency AND occurred_at < :to
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s""".formatted(AUDIENCE), query);
    }

    /** Customers who ordered in the channel over customers active in it. */
    Fraction conversion(KpiQuery query) {
        return fraction("""
                SELECT count(DISTINCT profile_id) FILTER (WHERE name = 'Order Completed') AS num,
                       count(DISTINCT profile_id) AS den
                %s AND name NOT IN %s""".formatted(TOUCHES, Touches.notActivitySql()), query);
    }

    /** Across channels whatever the query names: the KPI is about using more than one. */
    Fraction crossChannel(KpiQuery query) {
        return fraction("""
                SELECT count(*) FILTER (WHERE channels >= 2) AS num, count(*) AS den FROM (
                    SELECT profile_id, count(DISTINCT channel) AS channels FROM analytics.touch
                    WHERE %s AND first_at >= :from AND first_at < :to AND name NOT IN %s AND channel <> 'platform'
                      AND %s
                    GROUP BY profile_id) per_customer""".formatted(DAYS, Touches.notActivitySql(), AUDIENCE),
                query);
    }

    long channelSwitches(KpiQuery query) {
        return statement("""
                SELECT count(*) FROM (
                    SELECT channel, lag(channel) OVER (PARTITION BY profile_id ORDER BY first_at, channel) AS before
                    FROM (SELECT profile_id, day, channel, min(first_at) AS first_at FROM analytics.touch
                          WHERE %s AND first_at >= :from AND first_at < :to AND name NOT IN %s AND channel <> 'platform'
                            AND %s
                          GROUP BY profile_id, day, channel) days) moves
                WHERE before IS NOT NULL AND before <> channel""".formatted(DAYS, Touches.notActivitySql(), AUDIENCE),
                query)
                .query(Long.class).single();
    }

    /** Events named {@code numerator} over events named {@code denominator} (plus the numerator's, when asked). */
    Fraction eventRatio(KpiQuery query, String numerator, String denominator, boolean denominatorIncludesNumerator) {
        return statement("""
                SELECT coalesce(sum(events) FILTER (WHERE name = :num_name), 0) AS num,
                       coalesce(sum(events) FILTER (WHERE name = :den_name), 0) AS den
                %s AND name IN (:num_name, :den_name)""".formatted(TOUCHES), query)
                .param("num_name", numerator).param("den_name", denominator)
                .query((rs, n) -> new Fraction(rs.getLong("num"),
                        rs.getLong("den") + (denominatorIncludesNumerator ? rs.getLong("num") : 0)))
                .single();
    }

    /** Customers whose last add to a cart in the period came after the day of their last order in it. */
    Fraction abandonedCarts(KpiQuery query) {
        return fraction("""
                SELECT count(*) FILTER (WHERE last_order IS NULL OR last_order < last_add) AS num, count(*) AS den
                FROM (SELECT profile_id,
                             max(day) FILTER (WHERE name = 'Product Added') AS last_add,
                             max(day) FILTER (WHERE name = 'Order Completed') AS last_order
                      %s AND name IN ('Product Added', 'Order Completed')
                      GROUP BY profile_id) carts
                WHERE last_add IS NOT NULL""".formatted(TOUCHES), query);
    }

    Fraction optIn(KpiQuery query) {
        return statement("""
                SELECT count(DISTINCT profile_id) FILTER (WHERE name = :opt_in) AS num,
                       count(DISTINCT profile_id) AS den
                %s AND name IN (:opt_in, :opt_out)""".formatted(TOUCHES), query)
                .param("opt_in", Touches.OPT_IN).param("opt_out", Touches.OPT_OUT)
                .query((rs, n) -> new Fraction(rs.getLong("num"), rs.getLong("den"))).single();
    }

    private Fraction fraction(String sql, KpiQuery query) {
        return statement(sql, query).query((rs, n) -> new Fraction(rs.getDouble("num"), rs.getDouble("den")))
                .single();
    }

    private JdbcClient.StatementSpec statement(String sql, KpiQuery query) {
        return jdbc.sql(sql).param("currency", query.currency())
                .param("from", Rows.timestamp(query.period().from()))
                .param("to", Rows.timestamp(query.period().to()))
                .param("channel", query.channelKey(), Types.VARCHAR)
                .param("everyone", query.audience() == null)
                .param("audience", query.audienceMembers());
    }
}
