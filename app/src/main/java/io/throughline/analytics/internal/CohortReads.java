package io.throughline.analytics.internal;

import io.throughline.analytics.Analytics.CohortTable;
import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.Period;
import io.throughline.platform.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cohorts of customers whose first order falls in the period, grouped by its month or its channel, with the
 * customers who ordered and their revenue in each month after (month 0 is the month of the first order).
 */
@Component
class CohortReads {

    private final JdbcClient jdbc;
    private final BrandCalendar calendar;

    CohortReads(JdbcClient jdbc, BrandCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Sales per month of the brand's calendar, and per country when asked, of the currency's completed, not cancelled orders. */
    List<io.throughline.analytics.Analytics.SalesRow> sales(Period period, String currency, boolean byCountry) {
        return jdbc.sql("""
                SELECT to_char(occurred_at AT TIME ZONE CAST(:zone AS text), 'YYYY-MM') AS month,
                       %s AS country, count(*) AS orders, sum(total_minor) AS revenue,
                       count(DISTINCT profile_id) AS customers
                FROM analytics.order_fact
                WHERE NOT cancelled AND currency = :currency AND occurred_at >= :from AND occurred_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""".formatted(byCountry ? "coalesce(country, 'unknown')" : "NULL::text"))
                .param("currency", currency).param("zone", calendar.sqlZone()).param("from", Rows.timestamp(period.from()))
                .param("to", Rows.timestamp(period.to()))
                .query((rs, n) -> new io.throughline.analytics.Analytics.SalesRow(rs.getString("month"),
                        rs.getString("country"), rs.getLong("orders"), rs.getLong("revenue"),
                        rs.getLong("customers"), (double) rs.getLong("revenue") / rs.getLong("orders")))
                .list();
    }

    CohortTable read(CohortTable.GroupBy groupBy, Period period, String currency) {
        String key = groupBy == CohortTable.GroupBy.FIRST_CHANNEL ? "f.first_channel"
                : "to_char(f.first_month AT TIME ZONE CAST(:zone AS text), 'YYYY-MM')";
        record Cell(String key, int month, long customers, long revenue) {}
        List<Cell> cells = jdbc.sql("""
                WITH firsts AS (
                    SELECT profile_id, min(occurred_at) AS first_at,
                           date_trunc('month', min(occurred_at), CAST(:zone AS text)) AS first_month,
                           (array_agg(channel ORDER BY occurred_at, order_key))[1] AS first_channel
                    FROM analytics.order_fact WHERE NOT cancelled AND currency = :currency AND occurred_at < :to
                    GROUP BY profile_id)
                SELECT %s AS cohort,
                       (extract(year FROM o.occurred_at AT TIME ZONE CAST(:zone AS text)) * 12
                            + extract(month FROM o.occurred_at AT TIME ZONE CAST(:zone AS text)))
                         - (extract(year FROM f.first_month AT TIME ZONE CAST(:zone AS text)) * 12
                            + extract(month FROM f.first_month AT TIME ZONE CAST(:zone AS text))) AS month_index,
                       count(DISTINCT o.profile_id) AS customers, sum(o.total_minor) AS revenue
                FROM firsts f JOIN analytics.order_fact o USING (profile_id)
                WHERE f.first_at >= :from AND NOT o.cancelled AND o.currency = :currency AND o.occurred_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""".formatted(key))
                .param("currency", currency).param("zone", calendar.sqlZone()).param("from", Rows.timestamp(period.from()))
                .param("to", Rows.timestamp(period.to()))
                .query((rs, n) -> new Cell(rs.getString("cohort"), rs.getInt("month_index"), rs.getLong("customers"),
                        rs.getLong("revenue")))
                .list();
        Map<String, List<Cell>> byCohort = new LinkedHashMap<>();
        cells.forEach(cell -> byCohort.computeIfAbsent(cell.key(), k -> new ArrayList<>()).add(cell));
        List<CohortTable.Cohort> cohorts = new ArrayList<>();
        byCohort.forEach((cohort, row) -> {
            int months = row.stream().mapToInt(Cell::month).max().orElse(0) + 1;
            List<Long> active = new ArrayList<>();
            List<Long> revenue = new ArrayList<>();
            for (int month = 0; month < months; month++) {
                active.add(0L);
                revenue.add(0L);
            }
            for (Cell cell : row) {
                active.set(cell.month(), cell.customers());
                revenue.set(cell.month(), cell.revenue());
            }
            cohorts.add(new CohortTable.Cohort(cohort, active.getFirst(), active, revenue));
        });
        return new CohortTable(groupBy, cohorts);
    }
}
