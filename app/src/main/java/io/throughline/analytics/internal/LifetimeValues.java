package io.throughline.analytics.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.analytics.Analytics.LifetimeValueReport;
import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue.Fraction;
import io.throughline.analytics.internal.clv.LifetimeValueFit;
import io.throughline.analytics.internal.clv.PurchaseHistory;
import io.throughline.platform.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lifetime value from the order facts: each customer's purchase days become a history in weeks, BG/NBD and
 * Gamma-Gamma are fitted on all of them, and the fit is checked on the last {@value #HOLDOUT_WEEKS} weeks held out.
 * Fits are kept for the day they were made, per currency: they are aggregates, nobody's personal data.
 */
@Component
class LifetimeValues {

    static final int HOLDOUT_WEEKS = 12;
    static final double HORIZON_WEEKS = 52;
    private static final double WEEK_MILLIS = Duration.ofDays(7).toMillis();

    /** One purchase day of a customer: when it started and what she spent that day. */
    record PurchaseDay(Instant day, long totalMinor) {}

    private record FitKey(String currency, Instant day) {}

    private final JdbcClient jdbc;
    private final Cache<FitKey, LifetimeValueFit.Fitted> fits = Caffeine.newBuilder().maximumSize(64)
            .expireAfterWrite(Duration.ofHours(6)).build();

    private final BrandCalendar calendar;

    LifetimeValues(JdbcClient jdbc, BrandCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    Fraction meanPredicted(KpiQuery query) {
        Instant asOf = query.period().to();
        Map<UUID, List<PurchaseDay>> days = purchaseDays(query.currency(), asOf, query.channelKey(),
                query.audience() == null ? null : query.audienceMembers());
        if (days.isEmpty()) {
            return new Fraction(0, 0);
        }
        LifetimeValueFit.Fitted fitted = fitted(query.currency(), asOf);
        double total = 0;
        for (List<PurchaseDay> customer : days.values()) {
            total += fitted.lifetimeValue(history(customer, asOf), HORIZON_WEEKS);
        }
        return new Fraction(total, days.size());
    }

    LifetimeValueReport report(Instant asOf, String currency) {
        Map<UUID, List<PurchaseDay>> all = purchaseDays(currency, asOf, null, null);
        if (all.isEmpty()) {
            throw new io.throughline.platform.NotFoundException("Orders in " + currency + " before", asOf);
        }
        LifetimeValueFit.Fitted fitted = fitted(currency, asOf);
        double meanValue = all.values().stream()
                .mapToDouble(customer -> fitted.lifetimeValue(history(customer, asOf), HORIZON_WEEKS))
                .average().orElse(0);
        Instant holdoutStart = asOf.minus(Duration.ofDays(7L * HOLDOUT_WEEKS));
        Map<UUID, List<PurchaseDay>> calibration = new LinkedHashMap<>();
        all.forEach((customer, days) -> {
            List<PurchaseDay> before = days.stream().filter(day -> day.day().isBefore(holdoutStart)).toList();
            if (!before.isEmpty()) {
                calibration.put(customer, before);
            }
        });
        double predicted = 0;
        long actual = 0;
        double absoluteError = 0;
        if (!calibration.isEmpty()) {
            LifetimeValueFit.Fitted calibrated = fit(calibration, holdoutStart);
            for (var customer : calibration.entrySet()) {
                double expected = calibrated.purchases().expectedPurchases(history(customer.getValue(), holdoutStart),
                        HOLDOUT_WEEKS);
                long happened = all.get(customer.getKey()).stream()
                        .filter(day -> !day.day().isBefore(holdoutStart)).count();
                predicted += expected;
                actual += happened;
                absoluteError += Math.abs(expected - happened);
            }
        }
        var purchases = fitted.purchases();
        var spend = fitted.spend();
        return new LifetimeValueReport(all.size(), purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
                spend.p(), spend.q(), spend.gamma(), meanValue, holdoutStart, predicted, actual,
                calibration.isEmpty() ? 0 : absoluteError / calibration.size(), currency);
    }

    OptionalDouble probabilityAlive(UUID profileId, String currency, Instant now) {
        List<PurchaseDay> days = new ArrayList<>();
        jdbc.sql("""
                SELECT date_trunc('day', occurred_at, ?) AS day, sum(total_minor) AS total
                FROM analytics.order_fact WHERE profile_id = ? AND currency = ? AND NOT cancelled AND occurred_at < ?
                GROUP BY 1 ORDER BY 1""").params(calendar.sqlZone(), profileId, currency, Rows.timestamp(now))
                .query((rs, n) -> days.add(new PurchaseDay(Rows.instant(rs, "day"), rs.getLong("total")))).list();
        if (days.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(fitted(currency, now).purchases().probabilityAlive(history(days, now)));
    }

    /** The probability alive of each customer named who ordered in the currency, in one read of their orders. */
    Map<UUID, Double> probabilitiesAlive(java.util.Collection<UUID> profileIds, String currency, Instant now) {
        Map<UUID, List<PurchaseDay>> customers = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT profile_id, date_trunc('day', occurred_at, CAST(:zone AS text)) AS day, sum(total_minor) AS total
                FROM analytics.order_fact
                WHERE profile_id = ANY(CAST(:ids AS uuid[])) AND currency = :currency AND NOT cancelled
                  AND occurred_at < :now
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", calendar.sqlZone()).param("ids", profileIds.toArray(UUID[]::new))
                .param("currency", currency).param("now", Rows.timestamp(now))
                .query((rs, n) -> customers.computeIfAbsent(Rows.uuid(rs, "profile_id"), id -> new ArrayList<>())
                        .add(new PurchaseDay(Rows.instant(rs, "day"), rs.getLong("total"))))
                .list();
        Map<UUID, Double> alive = new LinkedHashMap<>();
        if (!customers.isEmpty()) {
            LifetimeValueFit.Fitted fitted = fitted(currency, now);
            customers.forEach((id, days) -> alive.put(id, fitted.purchases().probabilityAlive(history(days, now))));
        }
        return alive;
    }

    private LifetimeValueFit.Fitted fitted(String currency, Instant asOf) {
        Instant day = calendar.startOf(calendar.day(asOf));
        return fits.get(new FitKey(currency, day), key -> fit(purchaseDays(currency, day, null, null), day));
    }

    private static LifetimeValueFit.Fitted fit(Map<UUID, List<PurchaseDay>> customers, Instant asOf) {
        List<PurchaseHistory> histories = new ArrayList<>(customers.size());
        long orders = 0;
        long revenue = 0;
        for (List<PurchaseDay> days : customers.values()) {
            histories.add(history(days, asOf));
            for (PurchaseDay day : days) {
                orders++;
                revenue += day.totalMinor();
            }
        }
        return LifetimeValueFit.fit(histories, orders == 0 ? 0 : (double) revenue / orders);
    }

    /** Her purchase days as the models read them: repeats after the first day, recency and age in weeks. */
    static PurchaseHistory history(List<PurchaseDay> days, Instant asOf) {
        Instant first = days.getFirst().day();
        Instant last = days.getLast().day();
        double repeatValue = days.stream().skip(1).mapToLong(PurchaseDay::totalMinor).average().orElse(0);
        double age = Math.max(0, (asOf.toEpochMilli() - first.toEpochMilli()) / WEEK_MILLIS);
        double recency = Math.min(age, (last.toEpochMilli() - first.toEpochMilli()) / WEEK_MILLIS);
        return new PurchaseHistory(days.size() - 1, recency, age, repeatValue);
    }

    private Map<UUID, List<PurchaseDay>> purchaseDays(String currency, Instant asOf, @Nullable String channel,
            UUID @Nullable [] audience) {
        Map<UUID, List<PurchaseDay>> customers = new HashMap<>();
        jdbc.sql("""
                SELECT profile_id, date_trunc('day', occurred_at, CAST(:zone AS text)) AS day, sum(total_minor) AS total
                FROM analytics.order_fact
                WHERE NOT cancelled AND currency = :currency AND occurred_at < :as_of
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND %s
                GROUP BY 1, 2 ORDER BY 1, 2""".formatted(KpiQueries.AUDIENCE))
                .param("currency", currency).param("zone", calendar.sqlZone()).param("as_of", Rows.timestamp(asOf))
                .param("channel", channel, java.sql.Types.VARCHAR)
                .param("everyone", audience == null).param("audience", audience == null ? new UUID[0] : audience)
                .query((rs, n) -> customers.computeIfAbsent(Rows.uuid(rs, "profile_id"), id -> new ArrayList<>())
                        .add(new PurchaseDay(Rows.instant(rs, "day"), rs.getLong("total"))))
                .list();
        return customers;
    }
}
