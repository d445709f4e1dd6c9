package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Programme;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme and its rules. Every order's earning reads them, so they are remembered for a few seconds; a
 * change reaches this node at once and other nodes within that time.
 */
@Component
class ProgrammeStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<Boolean, Optional<Programme>> current;

    ProgrammeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.current = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> read());
    }

    Optional<Programme> current() {
        return current.get(Boolean.TRUE);
    }

    /** Replaces the programme with its rules in one transaction; the programme keeps its id. */
    @Transactional
    Programme save(String name, int expiryDays, Map<String, Long> minorPerPoint, EarnRules rules) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO loyalty.programme (id, name, expiry_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (one) DO UPDATE SET name = excluded.name, expiry_days = excluded.expiry_days,
                    updated_at = excluded.updated_at""")
                .params(Ids.newId(clock), name, expiryDays, timestamp(now), timestamp(now)).update();
        jdbc.sql("DELETE FROM loyalty.point_value").update();
        minorPerPoint.forEach((currency, minor) -> jdbc.sql(
                "INSERT INTO loyalty.point_value (currency, minor_per_point) VALUES (?, ?)")
                .params(currency, minor).update());
        jdbc.sql("DELETE FROM loyalty.earn_rule").update();
        for (EarnRules.Rate rate : rules.rates()) {
            jdbc.sql("INSERT INTO loyalty.earn_rule (id, channel, currency, spend_minor, points, min_spend_minor) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(Ids.newId(clock), rate.channel(), rate.currency(), rate.spendMinor(), rate.points(),
                            rate.minSpendMinor()).update();
        }
        jdbc.sql("DELETE FROM loyalty.multiplier").update();
        for (EarnRules.Multiplier multiplier : rules.multipliers()) {
            jdbc.sql("INSERT INTO loyalty.multiplier (id, target_kind, target, percent) VALUES (?, ?, ?, ?)")
                    .params(Ids.newId(clock), multiplier.target().name(), multiplier.key(), multiplier.percent())
                    .update();
        }
        current.invalidateAll();
        return read().orElseThrow();
    }

    private Optional<Programme> read() {
        Optional<Programme> found = jdbc.sql("SELECT id, name, expiry_days FROM loyalty.programme")
                .query((rs, n) -> new Programme(Rows.uuid(rs, "id"), rs.getString("name"), rs.getInt("expiry_days"),
                        Map.of(), new EarnRules(List.of(), List.of()))).optional();
        if (found.isEmpty()) {
            return found;
        }
        Map<String, Long> values = new HashMap<>();
        jdbc.sql("SELECT currency, minor_per_point FROM loyalty.point_value")
                .query(rs -> { values.put(rs.getString("currency"), rs.getLong("minor_per_point")); });
        List<EarnRules.Rate> rates = jdbc.sql("SELECT channel, currency, spend_minor, points, min_spend_minor "
                + "FROM loyalty.earn_rule ORDER BY currency, channel NULLS LAST")
                .query((rs, n) -> new EarnRules.Rate(rs.getString("channel"), rs.getString("currency"),
                        rs.getLong("spend_minor"), rs.getInt("points"), rs.getLong("min_spend_minor"))).list();
        List<EarnRules.Multiplier> multipliers = jdbc.sql("SELECT target_kind, target, percent FROM loyalty.multiplier "
                + "ORDER BY target_kind, target")
                .query((rs, n) -> new EarnRules.Multiplier(Rows.enumOf(rs, "target_kind", EarnRules.Target.class),
                        rs.getString("target"), rs.getInt("percent"))).list();
        Programme programme = found.get();
        return Optional.of(new Programme(programme.id(), programme.name(), programme.expiryDays(), values,
                new EarnRules(rates, multipliers)));
    }
}
