package io.throughline.segments.internal;

import io.throughline.platform.Rows;
import io.throughline.segments.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batch evaluations ({@code segments.evaluation}): how far each got, so a restart goes on from there. */
@Repository
class EvaluationStore {

    /** A running evaluation, locked by the caller. */
    record Running(UUID id, UUID segmentId, int version, @Nullable UUID afterProfile) {}

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts an evaluation of this version; one still running for an older version is superseded. */
    UUID start(UUID id, UUID segmentId, int version, long total, Instant now) {
        jdbc.sql("UPDATE segments.evaluation SET state = 'SUPERSEDED', finished_at = ? WHERE segment_id = ?"
                + " AND state = 'RUNNING'").params(Rows.timestamp(now), segmentId).update();
        jdbc.sql("""
                INSERT INTO segments.evaluation (id, segment_id, version, state, after_profile, evaluated, total, entered,
                    exited, started_at)
                VALUES (?, ?, ?, 'RUNNING', NULL, 0, ?, 0, 0, ?)""")
                .params(id, segmentId, version, total, Rows.timestamp(now)).update();
        return id;
    }

    List<UUID> running() {
        return jdbc.sql("SELECT id FROM segments.evaluation WHERE state = 'RUNNING' ORDER BY started_at")
                .query(UUID.class).list();
    }

    /** Locks the evaluation unless another worker holds it or it is no longer running. */
    Optional<Running> lock(UUID id) {
        return jdbc.sql("""
                SELECT id, segment_id, version, after_profile FROM segments.evaluation
                WHERE id = ? AND state = 'RUNNING' FOR UPDATE SKIP LOCKED""").param(id)
                .query((rs, row) -> new Running(Rows.uuid(rs, "id"), Rows.uuid(rs, "segment_id"), rs.getInt("version"),
                        Rows.uuidOrNull(rs, "after_profile")))
                .optional();
    }

    void advance(UUID id, UUID afterProfile, int evaluated, int entered, int exited) {
        jdbc.sql("""
                UPDATE segments.evaluation SET after_profile = ?, evaluated = evaluated + ?, entered = entered + ?,
                    exited = exited + ?, total = greatest(total, evaluated + ?)
                WHERE id = ?""").params(afterProfile, evaluated, entered, exited, evaluated, id).update();
    }

    void finish(UUID id, Segment.Evaluation.State state, Instant now) {
        jdbc.sql("UPDATE segments.evaluation SET state = ?, finished_at = ? WHERE id = ?")
                .params(state.name(), Rows.timestamp(now), id).update();
    }

    Optional<Segment.Evaluation> latest(UUID segmentId) {
        return jdbc.sql("""
                SELECT version, state, evaluated, total, entered, exited, started_at, finished_at
                FROM segments.evaluation WHERE segment_id = ? ORDER BY started_at DESC, id DESC LIMIT 1""")
                .param(segmentId).query(EvaluationStore::evaluation).optional();
    }

    private static Segment.Evaluation evaluation(ResultSet rs, int row) throws SQLException {
        return new Segment.Evaluation(rs.getInt("version"), Rows.enumOf(rs, "state", Segment.Evaluation.State.class),
                rs.getLong("evaluated"), rs.getLong("total"), rs.getLong("entered"), rs.getLong("exited"),
                Rows.instant(rs, "started_at"), Rows.instantOrNull(rs, "finished_at"));
    }
}
