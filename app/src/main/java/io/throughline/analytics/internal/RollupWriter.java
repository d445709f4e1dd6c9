package io.throughline.analytics.internal;

import io.throughline.platform.Rows;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a batch of the rollups in one statement per table, however many rows it holds. */
@Component
class RollupWriter {

    private final JdbcTemplate jdbc;

    RollupWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(RollupBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        writeTouches(batch.touches());
        writeOrders(batch.orders());
        writeMeasures(batch.measures());
        writeCases(batch.cases());
        if (!batch.cancelled().isEmpty()) {
            jdbc.execute((java.sql.Connection connection) -> {
                try (var update = connection.prepareStatement(
                        "UPDATE analytics.order_fact SET cancelled = true WHERE order_key = ANY(?)")) {
                    update.setArray(1, connection.createArrayOf("text", batch.cancelled().toArray()));
                    return update.executeUpdate();
                }
            });
        }
    }

    private void writeTouches(Map<RollupBatch.TouchKey, RollupBatch.TouchCount> touches) {
        if (touches.isEmpty()) {
            return;
        }
        List<Object> profiles = new ArrayList<>();
        List<Object> days = new ArrayList<>();
        List<Object> channels = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        List<Object> firsts = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        touches.forEach((key, count) -> {
            profiles.add(key.profileId());
            days.add(Date.valueOf(key.day()));
            channels.add(key.channel());
            names.add(key.name());
            firsts.add(Rows.timestamp(count.firstAt()));
            counts.add(count.events());
        });
        jdbc.execute((java.sql.Connection connection) -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO analytics.touch (profile_id, day, channel, name, first_at, events)
                    SELECT * FROM unnest(?::uuid[], ?::date[], ?::text[], ?::text[], ?::timestamptz[], ?::int[])
                    ON CONFLICT (profile_id, day, channel, name) DO UPDATE
                    SET first_at = least(analytics.touch.first_at, excluded.first_at),
                        events = analytics.touch.events + excluded.events""")) {
                insert.setArray(1, connection.createArrayOf("uuid", profiles.toArray()));
                insert.setArray(2, connection.createArrayOf("date", days.toArray()));
                insert.setArray(3, connection.createArrayOf("text", channels.toArray()));
                insert.setArray(4, connection.createArrayOf("text", names.toArray()));
                insert.setArray(5, connection.createArrayOf("timestamptz", firsts.toArray()));
                insert.setArray(6, connection.createArrayOf("int4", counts.toArray()));
                return insert.executeUpdate();
            }
        });
    }

    private void writeOrders(List<OrderFact> orders) {
        if (orders.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO analytics.order_fact
                        (order_key, profile_id, channel, occurred_at, total_minor, currency, country)
                    SELECT * FROM unnest(?::text[], ?::uuid[], ?::text[], ?::timestamptz[], ?::bigint[], ?::text[],
                        ?::text[])
                    ON CONFLICT (order_key) DO NOTHING""")) {
                insert.setArray(1, connection.createArrayOf("text", orders.stream().map(OrderFact::key).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid",
                        orders.stream().map(OrderFact::profileId).toArray()));
                insert.setArray(3, connection.createArrayOf("text",
                        orders.stream().map(OrderFact::channel).toArray()));
                insert.setArray(4, connection.createArrayOf("timestamptz",
                        orders.stream().map(order -> (Timestamp) Rows.timestamp(order.occurredAt())).toArray()));
                insert.setArray(5, connection.createArrayOf("int8",
                        orders.stream().map(OrderFact::totalMinor).toArray()));
                insert.setArray(6, connection.createArrayOf("text",
                        orders.stream().map(OrderFact::currency).toArray()));
                insert.setArray(7, connection.createArrayOf("text",
                        orders.stream().map(OrderFact::country).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    private void writeMeasures(Map<RollupBatch.MeasureKey, RollupBatch.MeasureSum> measures) {
        if (measures.isEmpty()) {
            return;
        }
        List<Object> profiles = new ArrayList<>();
        List<Object> days = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        List<Object> totals = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        List<Object> lastAts = new ArrayList<>();
        List<Object> lastValues = new ArrayList<>();
        measures.forEach((key, sum) -> {
            profiles.add(key.profileId());
            days.add(Date.valueOf(key.day()));
            names.add(key.measure().name());
            totals.add(sum.total());
            counts.add(sum.events());
            lastAts.add(Rows.timestamp(sum.lastAt()));
            lastValues.add(sum.lastValue());
        });
        jdbc.execute((java.sql.Connection connection) -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO analytics.measure (profile_id, day, measure, total, events, last_at, last_value)
                    SELECT * FROM unnest(?::uuid[], ?::date[], ?::text[], ?::bigint[], ?::int[], ?::timestamptz[],
                        ?::bigint[])
                    ON CONFLICT (profile_id, day, measure) DO UPDATE
                    SET total = analytics.measure.total + excluded.total,
                        events = analytics.measure.events + excluded.events,
                        last_value = CASE WHEN excluded.last_at >= analytics.measure.last_at THEN excluded.last_value
                                          ELSE analytics.measure.last_value END,
                        last_at = greatest(analytics.measure.last_at, excluded.last_at)""")) {
                insert.setArray(1, connection.createArrayOf("uuid", profiles.toArray()));
                insert.setArray(2, connection.createArrayOf("date", days.toArray()));
                insert.setArray(3, connection.createArrayOf("text", names.toArray()));
                insert.setArray(4, connection.createArrayOf("int8", totals.toArray()));
                insert.setArray(5, connection.createArrayOf("int4", counts.toArray()));
                insert.setArray(6, connection.createArrayOf("timestamptz", lastAts.toArray()));
                insert.setArray(7, connection.createArrayOf("int8", lastValues.toArray()));
                return insert.executeUpdate();
            }
        });
    }

    private void writeCases(List<CaseFact> cases) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO analytics.service_case (conversation_id, profile_id, channel, started_at,
                        first_response_at, resolved_at, resolutions)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                        ?::timestamptz[], ?::int[])
                    ON CONFLICT (conversation_id) DO UPDATE
                    SET started_at = least(analytics.service_case.started_at, excluded.started_at),
                        first_response_at = least(analytics.service_case.first_response_at,
                            excluded.first_response_at),
                        resolved_at = least(analytics.service_case.resolved_at, excluded.resolved_at),
                        resolutions = analytics.service_case.resolutions + excluded.resolutions""")) {
                insert.setArray(1, connection.createArrayOf("uuid",
                        cases.stream().map(CaseFact::conversationId).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid", cases.stream().map(CaseFact::profileId).toArray()));
                insert.setArray(3, connection.createArrayOf("text", cases.stream().map(CaseFact::channel).toArray()));
                insert.setArray(4, connection.createArrayOf("timestamptz",
                        cases.stream().map(fact -> timestampOrNull(fact.startedAt())).toArray()));
                insert.setArray(5, connection.createArrayOf("timestamptz",
                        cases.stream().map(fact -> timestampOrNull(fact.firstResponseAt())).toArray()));
                insert.setArray(6, connection.createArrayOf("timestamptz",
                        cases.stream().map(fact -> timestampOrNull(fact.resolvedAt())).toArray()));
                insert.setArray(7, connection.createArrayOf("int4",
                        cases.stream().map(CaseFact::resolutions).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    private static @org.jspecify.annotations.Nullable Object timestampOrNull(java.time.@org.jspecify.annotations.Nullable Instant at) {
        return at == null ? null : Rows.timestamp(at);
    }

    /** The absorbed profile's orders and touches become the survivor's; touches of the same day add up. */
    void merge(UUID merged, UUID survivor) {
        jdbc.update("UPDATE analytics.order_fact SET profile_id = ? WHERE profile_id = ?", survivor, merged);
        jdbc.update("""
                INSERT INTO analytics.touch (profile_id, day, channel, name, first_at, events)
                SELECT ?, day, channel, name, first_at, events FROM analytics.touch WHERE profile_id = ?
                ON CONFLICT (profile_id, day, channel, name) DO UPDATE
                SET first_at = least(analytics.touch.first_at, excluded.first_at),
                    events = analytics.touch.events + excluded.events""", survivor, merged);
        jdbc.update("DELETE FROM analytics.touch WHERE profile_id = ?", merged);
        jdbc.update("UPDATE analytics.service_case SET profile_id = ? WHERE profile_id = ?", survivor, merged);
        // Her points sums add up; the balances of two accounts on one day add up too, each the day's last.
        jdbc.update("""
                INSERT INTO analytics.measure (profile_id, day, measure, total, events, last_at, last_value)
                SELECT ?, day, measure, total, events, last_at, last_value FROM analytics.measure WHERE profile_id = ?
                ON CONFLICT (profile_id, day, measure) DO UPDATE
                SET total = analytics.measure.total + excluded.total,
                    events = analytics.measure.events + excluded.events,
                    last_value = analytics.measure.last_value + excluded.last_value,
                    last_at = greatest(analytics.measure.last_at, excluded.last_at)""", survivor, merged);
        jdbc.update("DELETE FROM analytics.measure WHERE profile_id = ?", merged);
    }
}
