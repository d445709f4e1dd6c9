package io.throughline.privacy.internal.requests;

import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import io.throughline.privacy.SubjectRequest;
import io.throughline.privacy.SubjectRequest.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests and their steps: one request with its trail is one aggregate. */
@Repository
class JdbcSubjectRequests {

    private static final String COLUMNS = """
            id, kind, state, profile_id, received_via, received_at, due_at, details, verification, verification_note,
            refusal, outcome_note, erasure_receipt::text AS erasure_receipt, closed_at, updated_at""";

    private final JdbcClient jdbc;

    JdbcSubjectRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SubjectRequest request, UUID staffId) {
        jdbc.sql("""
                WITH request AS (
                  INSERT INTO privacy.subject_request (id, kind, state, profile_id, received_via, received_at, due_at,
                                                       details, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))
                INSERT INTO privacy.subject_request_step (request_id, state, staff_id, at) VALUES (?, ?, ?, ?)""")
                .params(request.id(), request.kind().name(), request.state().name(), request.profileId(),
                        request.receivedVia().name(), Rows.timestamp(request.receivedAt()),
                        Rows.timestamp(request.dueAt()), request.details(), Rows.timestamp(request.updatedAt()),
                        request.id(), request.state().name(), staffId, Rows.timestamp(request.updatedAt()))
                .update();
    }

    /** The request, locked until the caller's transaction ends, so that two staff never move it at once. */
    SubjectRequest lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy.subject_request WHERE id = ? FOR UPDATE").param(id)
                .query(JdbcSubjectRequests::request).optional()
                .orElseThrow(() -> new NotFoundException("subject request", id));
    }

    SubjectRequest get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy.subject_request WHERE id = ?").param(id)
                .query(JdbcSubjectRequests::request).optional()
                .orElseThrow(() -> new NotFoundException("subject request", id));
    }

    Page<SubjectRequest> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM privacy.subject_request",
                "(state IN ('COMPLETED', 'REFUSED')), CASE WHEN state IN ('COMPLETED', 'REFUSED') THEN NULL "
                        + "ELSE due_at END, closed_at DESC, id")
                .read(jdbc, page, JdbcSubjectRequests::request);
    }

    List<SubjectRequest> forProfile(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy.subject_request WHERE profile_id = ? "
                + "ORDER BY received_at DESC, id DESC").param(profileId).query(JdbcSubjectRequests::request).list();
    }

    List<SubjectRequest.Step> steps(UUID id) {
        return jdbc.sql("SELECT state, staff_id, note, at FROM privacy.subject_request_step WHERE request_id = ? "
                        + "ORDER BY at, id").param(id)
                .query((rs, row) -> new SubjectRequest.Step(Rows.enumOf(rs, "state", State.class),
                        Rows.uuid(rs, "staff_id"), rs.getString("note"), Rows.instant(rs, "at")))
                .list();
    }

    /** Writes the request's new state and the step that made it, in one statement. */
    void move(SubjectRequest moved, UUID staffId, @Nullable String note) {
        jdbc.sql("""
                WITH request AS (
                  UPDATE privacy.subject_request
                  SET state = ?, verification = ?, verification_note = ?, refusal = ?, outcome_note = ?,
                      erasure_receipt = ?::jsonb, closed_at = ?, updated_at = ?
                  WHERE id = ?)
                INSERT INTO privacy.subject_request_step (request_id, state, staff_id, note, at) VALUES (?, ?, ?, ?, ?)""")
                .params(moved.state().name(), moved.verification() == null ? null : moved.verification().name(),
                        moved.verificationNote(), moved.refusal() == null ? null : moved.refusal().name(),
                        moved.outcomeNote(), moved.erasureReceipt(), Rows.timestampOrNull(moved.closedAt()),
                        Rows.timestamp(moved.updatedAt()), moved.id(), moved.id(), moved.state().name(), staffId,
                        note, Rows.timestamp(moved.updatedAt()))
                .update();
    }

    void restrict(UUID profileId, UUID requestId, Instant at, UUID staffId) {
        jdbc.sql("""
                INSERT INTO privacy.restriction (profile_id, request_id, restricted_at, restricted_by)
                VALUES (?, ?, ?, ?) ON CONFLICT (profile_id) DO NOTHING""")
                .params(profileId, requestId, Rows.timestamp(at), staffId).update();
    }

    boolean restricted(UUID profileId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM privacy.restriction WHERE profile_id = ?)").param(profileId)
                .query(Boolean.class).single();
    }

    private static SubjectRequest request(ResultSet rs, int row) throws SQLException {
        return new SubjectRequest(Rows.uuid(rs, "id"), Rows.enumOf(rs, "kind", SubjectRequest.Kind.class),
                Rows.enumOf(rs, "state", State.class), Rows.uuid(rs, "profile_id"),
                Rows.enumOf(rs, "received_via", SubjectRequest.ReceivedVia.class), Rows.instant(rs, "received_at"),
                Rows.instant(rs, "due_at"), rs.getString("details"),
                Rows.enumOrNull(rs, "verification", SubjectRequest.Verification.class),
                rs.getString("verification_note"), Rows.enumOrNull(rs, "refusal", SubjectRequest.Refusal.class),
                rs.getString("outcome_note"), rs.getString("erasure_receipt"), Rows.instantOrNull(rs, "closed_at"),
                Rows.instant(rs, "updated_at"));
    }
}
