package io.throughline.journeys.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind a version's statistics: arrivals and departures per step ({@code journeys.step_count}) and
 * entries with their endings ({@code journeys.outcome_count}). Each transaction appends its own rows; reading
 * sums them.
 */
@Repository
class JourneyCounts {

    /** A step of a version. */
    record StepKey(String journey, int version, String step) {}

    /** A version of a journey. */
    record VersionKey(String journey, int version) {}

    /** Arrivals and departures at a step. */
    record StepCount(long arrived, long left) {}

    /** A version's entries and how they ended. */
    record Outcomes(long entered, long completed, long converted, long control) {}

    private final JdbcClient jdbc;

    JourneyCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends arrivals and departures: per step, {@code [arrived, left]}. */
    OneStatement.Part addSteps(Map<StepKey, long[]> counts) {
        List<Map.Entry<StepKey, long[]>> entries = List.copyOf(counts.entrySet());
        return new OneStatement.Part("""
                INSERT INTO journeys.step_count (journey_key, version, step, entered, left_step)
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::bigint[], ?::bigint[])""",
                List.of(entries.stream().map(e -> e.getKey().journey()).toArray(String[]::new),
                        entries.stream().map(e -> e.getKey().version()).toArray(Integer[]::new),
                        entries.stream().map(e -> e.getKey().step()).toArray(String[]::new),
                        entries.stream().map(e -> e.getValue()[0]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[1]).toArray(Long[]::new)));
    }

    /** Appends entries and endings: per version, {@code [entered, completed, converted, control]}. */
    OneStatement.Part addOutcomes(Map<VersionKey, long[]> counts) {
        List<Map.Entry<VersionKey, long[]>> entries = List.copyOf(counts.entrySet());
        return new OneStatement.Part("""
                INSERT INTO journeys.outcome_count (journey_key, version, entered, completed, converted, control)
                SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""",
                List.of(entries.stream().map(e -> e.getKey().journey()).toArray(String[]::new),
                        entries.stream().map(e -> e.getKey().version()).toArray(Integer[]::new),
                        entries.stream().map(e -> e.getValue()[0]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[1]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[2]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[3]).toArray(Long[]::new)));
    }

    /** Per step id of the version. */
    Map<String, StepCount> steps(String key, int version) {
        Map<String, StepCount> counts = new HashMap<>();
        jdbc.sql("""
                SELECT step, sum(entered), sum(left_step) FROM journeys.step_count
                WHERE journey_key = ? AND version = ? GROUP BY step""")
                .params(key, version)
                .query((rs, row) -> counts.put(rs.getString(1), new StepCount(rs.getLong(2), rs.getLong(3)))).list();
        return counts;
    }

    Outcomes outcomes(String key, int version) {
        return jdbc.sql("""
                SELECT coalesce(sum(entered), 0), coalesce(sum(completed), 0), coalesce(sum(converted), 0),
                       coalesce(sum(control), 0)
                FROM journeys.outcome_count WHERE journey_key = ? AND version = ?""").params(key, version)
                .query((rs, row) -> new Outcomes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
