package io.throughline.journeys.internal;

import io.throughline.journeys.internal.JourneyWalk.TimerKind;
import io.throughline.platform.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable timers ({@code journeys.timer}): waits, event timeouts and quiet-hour holds. */
@Repository
class TimerStore {

    /** A timer to set: when it is due, it moves the instance on from the stage it was set at. */
    record NewTimer(UUID id, UUID instanceId, int stage, TimerKind kind, Instant dueAt) {}

    /** A claimed timer. */
    record Timer(UUID id, UUID instanceId, int stage, TimerKind kind, Instant dueAt) {}

    private final JdbcClient jdbc;

    TimerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OneStatement.Part insert(List<NewTimer> timers) {
        return new OneStatement.Part("""
                INSERT INTO journeys.timer (id, instance_id, stage, kind, due_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::timestamptz[])""",
                List.of(timers.stream().map(NewTimer::id).toArray(UUID[]::new),
                        timers.stream().map(NewTimer::instanceId).toArray(UUID[]::new),
                        timers.stream().map(NewTimer::stage).toArray(Integer[]::new),
                        timers.stream().map(timer -> timer.kind().name()).toArray(String[]::new),
                        timers.stream().map(timer -> Rows.timestamp(timer.dueAt())).toArray(Timestamp[]::new)));
    }

    /**
     * Claims and deletes up to {@code limit} due timers, earliest first, skipping those another transaction
     * holds. They are gone for good only if the caller's transaction commits.
     */
    List<Timer> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                DELETE FROM journeys.timer WHERE id IN (
                    SELECT id FROM journeys.timer WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, instance_id, stage, kind, due_at""")
                .params(Rows.timestamp(now), limit)
                .query((rs, row) -> new Timer(Rows.uuid(rs, "id"), Rows.uuid(rs, "instance_id"), rs.getInt("stage"),
                        Rows.enumOf(rs, "kind", TimerKind.class), Rows.instant(rs, "due_at")))
                .list();
    }

    /** Deletes the instance's timers of that stage (all of them when null); waits for a poller firing one. */
    int delete(UUID instanceId, @Nullable Integer stage) {
        return stage == null
                ? jdbc.sql("DELETE FROM journeys.timer WHERE instance_id = ?").param(instanceId).update()
                : jdbc.sql("DELETE FROM journeys.timer WHERE instance_id = ? AND stage = ?").params(instanceId, stage)
                        .update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM journeys.timer").query(Long.class).single();
    }
}
