package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiAlert;
import io.throughline.analytics.KpiLeftItsBand;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiTarget;
import io.throughline.analytics.KpiTargets;
import io.throughline.analytics.KpiValue;
import io.throughline.analytics.Kpis;
import io.throughline.analytics.Period;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** KPI targets and the alerts of weeks a KPI spent outside its band, over {@code analytics.kpi_target} and alerts. */
@Service
class JdbcKpiTargets implements KpiTargets {

    private final JdbcClient jdbc;
    private final Kpis kpis;
    private final AnalyticsProperties properties;
    private final BrandCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcKpiTargets(JdbcClient jdbc, Kpis kpis, AnalyticsProperties properties, BrandCalendar calendar,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.properties = properties;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<KpiTarget> all() {
        return jdbc.sql("SELECT * FROM analytics.kpi_target ORDER BY kpi").query(JdbcKpiTargets::target).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<KpiTarget> of(Kpi kpi) {
        return jdbc.sql("SELECT * FROM analytics.kpi_target WHERE kpi = ?").param(kpi.name())
                .query(JdbcKpiTargets::target).optional();
    }

    @Override
    @Transactional
    public KpiTarget set(Kpi kpi, @Nullable Double low, @Nullable Double high, boolean keyMetric,
            @Nullable UUID ownerId) {
        TargetPolicy.check(kpi, low, high);
        jdbc.sql("""
                INSERT INTO analytics.kpi_target (kpi, low, high, key_metric, owner_id, updated_at)
                VALUES (:kpi, :low, :high, :key_metric, :owner, :at)
                ON CONFLICT (kpi) DO UPDATE SET low = excluded.low, high = excluded.high,
                    key_metric = excluded.key_metric, owner_id = excluded.owner_id, updated_at = excluded.updated_at""")
                .param("kpi", kpi.name()).param("low", low, Types.DOUBLE).param("high", high, Types.DOUBLE)
                .param("key_metric", keyMetric).param("owner", ownerId, Types.OTHER)
                .param("at", Rows.timestamp(clock.instant())).update();
        return of(kpi).orElseThrow();
    }

    @Override
    @Transactional
    public void remove(Kpi kpi) {
        if (jdbc.sql("DELETE FROM analytics.kpi_target WHERE kpi = ?").param(kpi.name()).update() == 0) {
            throw new NotFoundException("KPI target", kpi.key());
        }
    }

    @Override
    @Transactional
    public List<KpiAlert> check() {
        Period week = lastWeek();
        Instant now = clock.instant();
        List<KpiAlert> raised = new ArrayList<>();
        for (KpiTarget target : all()) {
            KpiValue value = kpis.value(target.kpi(), new KpiQuery(week, null, properties.currency()));
            if (target.holds(value.value())) {
                continue;
            }
            UUID id = Ids.newId(clock);
            int inserted = jdbc.sql("""
                    INSERT INTO analytics.kpi_alert (id, kpi, value, low, high, period_from, period_to, owner_id,
                        raised_at)
                    VALUES (:id, :kpi, :value, :low, :high, :from, :to, :owner, :at)
                    ON CONFLICT (kpi, period_from) DO NOTHING""")
                    .param("id", id).param("kpi", target.kpi().name()).param("value", value.value())
                    .param("low", target.low(), Types.DOUBLE).param("high", target.high(), Types.DOUBLE)
                    .param("from", Rows.timestamp(week.from())).param("to", Rows.timestamp(week.to()))
                    .param("owner", target.ownerId(), Types.OTHER).param("at", Rows.timestamp(now)).update();
            if (inserted == 1) {
                events.publishEvent(new KpiLeftItsBand(id, target.kpi().key(), value.value(), target.low(),
                        target.high(), week.from(), week.to(), target.ownerId(), now));
                raised.add(new KpiAlert(id, target.kpi(), value.value(), target.low(), target.high(), week,
                        target.ownerId(), now, null));
            }
        }
        return raised;
    }

    @Override
    @Transactional(readOnly = true)
    public List<KpiAlert> alerts(boolean openOnly, int limit) {
        return jdbc.sql("SELECT * FROM analytics.kpi_alert WHERE NOT :open_only OR acknowledged_at IS NULL"
                        + " ORDER BY raised_at DESC, id DESC LIMIT :limit")
                .param("open_only", openOnly).param("limit", limit).query(JdbcKpiTargets::alert).list();
    }

    @Override
    @Transactional
    public KpiAlert acknowledge(UUID alertId) {
        jdbc.sql("UPDATE analytics.kpi_alert SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?")
                .params(Rows.timestamp(clock.instant()), alertId).update();
        return jdbc.sql("SELECT * FROM analytics.kpi_alert WHERE id = ?").param(alertId).query(JdbcKpiTargets::alert)
                .optional().orElseThrow(() -> new NotFoundException("KPI alert", alertId));
    }

    @Override
    public Period lastWeek() {
        LocalDate today = calendar.day(clock.instant());
        return calendar.days(today.minusDays(7), today);
    }

    private static KpiTarget target(ResultSet rs, int row) throws SQLException {
        return new KpiTarget(Kpi.valueOf(rs.getString("kpi")), doubleOrNull(rs, "low"), doubleOrNull(rs, "high"),
                rs.getBoolean("key_metric"), Rows.uuidOrNull(rs, "owner_id"), Rows.instant(rs, "updated_at"));
    }

    private static KpiAlert alert(ResultSet rs, int row) throws SQLException {
        return new KpiAlert(Rows.uuid(rs, "id"), Kpi.valueOf(rs.getString("kpi")), rs.getDouble("value"),
                doubleOrNull(rs, "low"), doubleOrNull(rs, "high"),
                new Period(Rows.instant(rs, "period_from"), Rows.instant(rs, "period_to")),
                Rows.uuidOrNull(rs, "owner_id"), Rows.instant(rs, "raised_at"), Rows.instantOrNull(rs, "acknowledged_at"));
    }

    private static @Nullable Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Refuses a band that cannot hold anything, or a share's bound outside 0 to 1, at the field at fault. */
    static final class TargetPolicy {

        static void check(Kpi kpi, @Nullable Double low, @Nullable Double high) {
            if (low == null && high == null) {
                throw new InvalidRequestException("low", "give a low or a high bound, or both");
            }
            if (low != null && high != null && low > high) {
                throw new InvalidRequestException("high", "must not be below low (" + low + ")");
            }
            if (kpi.unit() == Kpi.Unit.RATIO) {
                share("low", low);
                share("high", high);
            }
        }

        private static void share(String field, @Nullable Double bound) {
            if (bound != null && (bound < 0 || bound > 1)) {
                throw new InvalidRequestException(field, "must be a share between 0 and 1");
            }
        }

        private TargetPolicy() {}
    }
}
