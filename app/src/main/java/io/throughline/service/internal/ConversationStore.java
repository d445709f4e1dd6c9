package io.throughline.service.internal;

import io.throughline.platform.Rows;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationStatus;
import io.throughline.service.Medium;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes cases ({@code service.conversation}); a case merged into another is no longer live. */
@Component
class ConversationStore {

    static final String COLUMNS = """
            c.id, c.profile_id, c.status, c.medium, c.channel, c.team, c.subject, c.assignee_id, c.opened_at,
            c.first_response_due, c.first_response_at, c.resolved_at, c.last_message_at, c.previous_id,
            c.reopened_count""";

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the inbox's work on one customer's cases for the rest of the transaction, so that two of her
     * messages arriving at once never open two cases.
     */
    void lockCustomer(UUID profileId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('service.customer:' || ?::text, 0))")
                .param(profileId).query((rs, row) -> 1).single();
    }

    Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service.conversation c WHERE c.id = ?").param(id)
                .query(ConversationStore::conversation).optional();
    }

    Optional<Conversation> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service.conversation c WHERE c.id = ? FOR UPDATE").param(id)
                .query(ConversationStore::conversation).optional();
    }

    Optional<UUID> mergedInto(UUID id) {
        return jdbc.sql("SELECT merged_into FROM service.conversation WHERE id = ? AND merged_into IS NOT NULL")
                .param(id).query((rs, row) -> Rows.uuid(rs, "merged_into")).optional();
    }

    /** The customer's one live case, if she has one (the oldest, should a merge of profiles have left two). */
    Optional<Conversation> liveCaseOf(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM service.conversation c
                WHERE c.profile_id = ? AND c.status <> 'RESOLVED' AND c.merged_into IS NULL
                ORDER BY c.opened_at, c.id LIMIT 1""").param(profileId).query(ConversationStore::conversation)
                .optional();
    }

    Optional<Conversation> latestResolvedOf(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM service.conversation c
                WHERE c.profile_id = ? AND c.status = 'RESOLVED' AND c.merged_into IS NULL
                ORDER BY c.resolved_at DESC, c.id DESC LIMIT 1""").param(profileId)
                .query(ConversationStore::conversation).optional();
    }

    List<Conversation> ofCustomer(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM service.conversation c WHERE c.profile_id = ? AND c.merged_into IS NULL
                ORDER BY c.opened_at DESC, c.id DESC LIMIT 200""").param(profileId)
                .query(ConversationStore::conversation).list();
    }

    void insert(UUID id, UUID profileId, Medium medium, String channel, @Nullable String subject, Instant now,
            Instant firstResponseDue, @Nullable UUID previousId) {
        jdbc.sql("""
                INSERT INTO service.conversation (id, profile_id, status, medium, channel, subject, opened_at,
                    first_response_due, last_message_at, previous_id)
                VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, profileId, medium.name(), channel, subject, Rows.timestamp(now),
                        Rows.timestamp(firstResponseDue), Rows.timestamp(now), previousId)
                .update();
    }

    /** A resolved case comes back to the queue: unassigned, with a new first-response target. */
    void reopen(UUID id, Instant firstResponseDue) {
        jdbc.sql("""
                UPDATE service.conversation SET status = 'OPEN', resolved_at = NULL, assignee_id = NULL,
                    assigned_at = NULL, first_response_at = NULL, first_response_due = ?,
                    reopened_count = reopened_count + 1, version = version + 1
                WHERE id = ?""").params(Rows.timestamp(firstResponseDue), id).update();
    }

    /** The customer wrote: the case waits for the brand again, and is no longer snoozed. */
    void customerWrote(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE service.conversation SET last_message_at = greatest(last_message_at, ?),
                    status = CASE WHEN status IN ('PENDING', 'SNOOZED') THEN 'OPEN' ELSE status END,
                    snoozed_until = NULL, version = version + 1
                WHERE id = ?""").params(Rows.timestamp(at), id).update();
    }

    /** An agent answered: the first answer stops the SLA's countdown, and the case waits for the customer. */
    void agentAnswered(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE service.conversation SET last_message_at = greatest(last_message_at, ?),
                    first_response_at = coalesce(first_response_at, ?), version = version + 1
                WHERE id = ?""").params(Rows.timestamp(at), Rows.timestamp(at), id).update();
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE service.conversation SET last_message_at = greatest(last_message_at, ?) WHERE id = ?")
                .params(Rows.timestamp(at), id).update();
    }

    void status(UUID id, ConversationStatus status, @Nullable Instant snoozedUntil, Instant now) {
        jdbc.sql("""
                UPDATE service.conversation SET status = ?, snoozed_until = ?,
                    resolved_at = CASE WHEN ?::text = 'RESOLVED' THEN ?::timestamptz ELSE NULL END, version = version + 1
                WHERE id = ?""")
                .params(status.name(), Rows.timestampOrNull(snoozedUntil), status.name(), Rows.timestamp(now), id)
                .update();
    }

    void assign(UUID id, @Nullable UUID agentId, Instant now) {
        jdbc.sql("""
                UPDATE service.conversation SET assignee_id = ?, assigned_at = ?, version = version + 1
                WHERE id = ?""").params(agentId, agentId == null ? null : Rows.timestamp(now), id).update();
    }

    void team(UUID id, @Nullable String team) {
        jdbc.sql("UPDATE service.conversation SET team = ?, version = version + 1 WHERE id = ?").params(team, id)
                .update();
    }

    static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(Rows.uuid(rs, "id"), Rows.uuid(rs, "profile_id"),
                Rows.enumOf(rs, "status", ConversationStatus.class), Rows.enumOf(rs, "medium", Medium.class),
                rs.getString("channel"), rs.getString("team"), rs.getString("subject"),
                Rows.uuidOrNull(rs, "assignee_id"), Rows.instant(rs, "opened_at"),
                Rows.instant(rs, "first_response_due"), Rows.instantOrNull(rs, "first_response_at"),
                Rows.instantOrNull(rs, "resolved_at"), Rows.instant(rs, "last_message_at"),
                Rows.uuidOrNull(rs, "previous_id"), rs.getInt("reopened_count"));
    }
}
