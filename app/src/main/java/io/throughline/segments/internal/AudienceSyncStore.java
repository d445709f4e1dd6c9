package io.throughline.segments.internal;

import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Audience syncs ({@code segments.audience_sync}) and their deliveries ({@code segments.sync_delivery}). */
@Repository
class AudienceSyncStore {

    /** Where a segment's changes go. */
    record Sync(UUID segmentId, String url, String secret, boolean hashed, Instant updatedAt) {}

    enum Change { ENTERED, EXITED }

    enum State { PENDING, DELIVERED, SKIPPED, FAILED }

    /** One entry or exit and how sending it went. */
    record Delivery(UUID id, UUID segmentId, UUID profileId, Change change, Instant changedAt, State state,
            int attempts, Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
            @Nullable Instant deliveredAt) {}

    private static final String COLUMNS = "id, segment_id, profile_id, change, changed_at, state, attempts,"
            + " next_attempt_at, last_status, last_error, delivered_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    AudienceSyncStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(UUID segmentId, String url, String secret, boolean hashed, Instant now) {
        jdbc.sql("""
                INSERT INTO segments.audience_sync (segment_id, url, secret, hashed, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (segment_id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
                    hashed = excluded.hashed, updated_at = excluded.updated_at""")
                .params(segmentId, url, secret, hashed, Rows.timestamp(now), Rows.timestamp(now)).update();
    }

    Optional<Sync> find(UUID segmentId) {
        return jdbc.sql("SELECT segment_id, url, secret, hashed, updated_at FROM segments.audience_sync WHERE segment_id = ?")
                .param(segmentId)
                .query((rs, row) -> new Sync(Rows.uuid(rs, "segment_id"), rs.getString("url"), rs.getString("secret"),
                        rs.getBoolean("hashed"), Rows.instant(rs, "updated_at")))
                .optional();
    }

    /** The sync goes, and what it had not sent yet with it; the log of what was sent stays. */
    boolean remove(UUID segmentId) {
        jdbc.sql("DELETE FROM segments.sync_delivery WHERE segment_id = ? AND state = 'PENDING'").param(segmentId).update();
        return jdbc.sql("DELETE FROM segments.audience_sync WHERE segment_id = ?").param(segmentId).update() > 0;
    }

    /** Queues the change in the caller's transaction when the segment is synced; nothing otherwise. */
    void queue(UUID segmentId, UUID profileId, Change change, Instant at) {
        jdbc.sql("""
                INSERT INTO segments.sync_delivery (id, segment_id, profile_id, change, changed_at, state, next_attempt_at)
                SELECT ?, segment_id, ?, ?, ?, 'PENDING', ? FROM segments.audience_sync WHERE segment_id = ?""")
                .params(Ids.newId(clock), profileId, change.name(), Rows.timestamp(at), Rows.timestamp(at), segmentId)
                .update();
    }

    /**
     * Takes due deliveries no other worker holds, each only when no earlier change of the same customer in the
     * same segment is still waiting (so a receiver never gets an exit before its entry), and leases them until
     * {@code leaseUntil}.
     */
    List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE segments.sync_delivery SET next_attempt_at = ?
                WHERE id IN (SELECT d.id FROM segments.sync_delivery d
                    WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM segments.sync_delivery e WHERE e.segment_id = d.segment_id
                          AND e.profile_id = d.profile_id AND e.state = 'PENDING'
                          AND (e.changed_at, e.id) < (d.changed_at, d.id))
                    ORDER BY d.next_attempt_at, d.id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .params(Rows.timestamp(leaseUntil), Rows.timestamp(now), limit).query(AudienceSyncStore::delivery).list();
    }

    boolean entryDelivered(UUID segmentId, UUID profileId, Instant before) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM segments.sync_delivery WHERE segment_id = ? AND profile_id = ?
                    AND change = 'ENTERED' AND state = 'DELIVERED' AND changed_at <= ?)""")
                .params(segmentId, profileId, Rows.timestamp(before)).query(Boolean.class).single();
    }

    void finish(UUID id, State state, @Nullable Integer status, @Nullable String error, Instant now) {
        jdbc.sql("""
                UPDATE segments.sync_delivery SET state = ?, attempts = attempts + ?, last_status = ?::int,
                    last_error = ?::text, delivered_at = ?::timestamptz
                WHERE id = ?""")
                .params(state.name(), state == State.SKIPPED ? 0 : 1, status, error,
                        state == State.DELIVERED ? Rows.timestamp(now) : null, id)
                .update();
    }

    void retry(UUID id, @Nullable Integer status, String error, Instant at) {
        jdbc.sql("""
                UPDATE segments.sync_delivery SET attempts = attempts + 1, last_status = ?::int, last_error = ?,
                    next_attempt_at = ?
                WHERE id = ?""").params(status, error, Rows.timestamp(at), id).update();
    }

    /** The delivery log, latest changes first. */
    List<Delivery> recent(UUID segmentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segments.sync_delivery WHERE segment_id = ?"
                + " ORDER BY changed_at DESC, id DESC LIMIT ?").params(segmentId, limit)
                .query(AudienceSyncStore::delivery).list();
    }

    private static Delivery delivery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(Rows.uuid(rs, "id"), Rows.uuid(rs, "segment_id"), Rows.uuid(rs, "profile_id"),
                Rows.enumOf(rs, "change", Change.class), Rows.instant(rs, "changed_at"),
                Rows.enumOf(rs, "state", State.class), rs.getInt("attempts"), Rows.instant(rs, "next_attempt_at"),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                Rows.instantOrNull(rs, "delivered_at"));
    }
}
