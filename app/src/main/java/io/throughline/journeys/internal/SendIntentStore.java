package io.throughline.journeys.internal;

import io.throughline.platform.Rows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The send intents ({@code journeys.send_intent}): send and task steps a committed walk reached, to dispatch
 * after that commit, each leased to whoever sends it.
 */
@Repository
class SendIntentStore {

    /** A send or task step to dispatch after the commit that wrote it, at the moment the walk reached it. */
    record SendIntent(UUID instanceId, int stage, String step, Instant at) {

        /** Messaging's idempotency key for the dispatch: one per instance, stage and step. */
        String dispatchKey() {
            return "journey-send:" + instanceId + ":" + stage + ":" + step;
        }
    }

    private final JdbcClient jdbc;

    SendIntentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OneStatement.Part insert(List<SendIntent> intents, Instant leaseUntil) {
        return new OneStatement.Part("""
                INSERT INTO journeys.send_intent (instance_id, stage, step, at, claimed_until)
                SELECT i.*, ?::timestamptz FROM unnest(?::uuid[], ?::int[], ?::text[], ?::timestamptz[]) AS i""",
                List.of(Rows.timestamp(leaseUntil), intents.stream().map(SendIntent::instanceId).toArray(UUID[]::new),
                        intents.stream().map(SendIntent::stage).toArray(Integer[]::new),
                        intents.stream().map(SendIntent::step).toArray(String[]::new),
                        intents.stream().map(intent -> Rows.timestamp(intent.at())).toArray(Timestamp[]::new)));
    }

    /**
     * Claims up to {@code limit} intents whose lease ran out by the moment (their sender crashed or stopped),
     * leasing them anew, skipping those another transaction holds.
     */
    List<SendIntent> claimAbandoned(Instant moment, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE journeys.send_intent SET claimed_until = ?
                WHERE (instance_id, stage, step) IN (
                    SELECT instance_id, stage, step FROM journeys.send_intent WHERE claimed_until <= ?
                    ORDER BY claimed_until LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING instance_id, stage, step, at""")
                .params(Rows.timestamp(leaseUntil), Rows.timestamp(moment), limit)
                .query((rs, row) -> new SendIntent(Rows.uuid(rs, "instance_id"), rs.getInt("stage"),
                        rs.getString("step"), Rows.instant(rs, "at")))
                .list();
    }

    OneStatement.Part delete(SendIntent intent) {
        return new OneStatement.Part("DELETE FROM journeys.send_intent WHERE instance_id = ? AND stage = ? AND step = ?",
                List.of(intent.instanceId(), intent.stage(), intent.step()));
    }
}
