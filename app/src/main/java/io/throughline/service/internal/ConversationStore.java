package io.throughline.service.internal;

import io.throughline.platform.Rows;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationStatus;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
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
            c.reopened_count, c.priority, c.resolution_due""";

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
            Priority priority, SlaTargets.Targets targets, @Nullable UUID previousId) {
        jdbc.sql("""
                INSERT INTO service.conversation (id, profile_id, status, medium, channel, subject, opened_at,
                    first_response_due, last_message_at, previous_id, priority, sla_policy_id, resolution_due,
                    sla_started_at)
                VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, profileId, medium.name(), channel, subject, Rows.timestamp(now),
                        Rows.timestamp(targets.firstResponseDue()), Rows.timestamp(now), previousId, priority.name(),
                        targets.policyId(), Rows.timestamp(targets.resolutionDue()), Rows.timestamp(now))
                .update();
    }

    /** A resolved case comes back to the queue: unassigned, with new targets counted from now. */
    void reopen(UUID id, SlaTargets.Targets targets, Instant now) {
        jdbc.sql("""
                UPDATE service.conversation SET status = 'OPEN', resolved_at = NULL, assignee_id = NULL,
                    assigned_at = NULL, first_response_at = NULL, first_response_due = ?, resolution_due = ?,
                    sla_policy_id = ?, sla_started_at = ?, reopened_count = reopened_count + 1, version = version + 1
                WHERE id = ?""").params(Rows.timestamp(targets.firstResponseDue()),
                        Rows.timestamp(targets.resolutionDue()), targets.policyId(), Rows.timestamp(now), id)
                .update();
    }

    /** When the case's targets started counting (its opening or last reopening). */
    Instant slaStartedAt(UUID id) {
        return jdbc.sql("SELECT coalesce(sla_started_at, opened_at) AS at FROM service.conversation WHERE id = ?")
                .param(id).query((rs, row) -> Rows.instant(rs, "at")).single();
    }

    /** A new priority and the targets it brings, counted from when the case's clock started. */
    void prioritise(UUID id, Priority priority, SlaTargets.Targets targets) {
        jdbc.sql("""
                UPDATE service.conversation SET priority = ?, first_response_due = ?, resolution_due = ?,
                    sla_policy_id = ?, version = version + 1
                WHERE id = ?""").params(priority.name(), Rows.timestamp(targets.firstResponseDue()),
                        Rows.timestamp(targets.resolutionDue()), targets.policyId(), id)
                .update();
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

    /** A person answered or took the case: the bot stops answering it. */
    void humanTookOver(UUID id) {
        jdbc.sql("UPDATE service.conversation SET bot_active = false WHERE id = ? AND bot_active").param(id).update();
    }

    boolean botActive(UUID id) {
        return jdbc.sql("SELECT bot_active FROM service.conversation WHERE id = ?").param(id).query(Boolean.class)
                .single();
    }

    void botStarts(UUID id) {
        jdbc.sql("UPDATE service.conversation SET bot_active = true, bot_failed_turns = 0 WHERE id = ?").param(id)
                .update();
    }

    /** One more turn the bot could not answer; how many there have been in a row. */
    int botFailed(UUID id) {
        return jdbc.sql("""
                UPDATE service.conversation SET bot_failed_turns = bot_failed_turns + 1 WHERE id = ?
                RETURNING bot_failed_turns""").param(id).query(Integer.class).single();
    }

    void botAnswered(UUID id) {
        jdbc.sql("UPDATE service.conversation SET bot_failed_turns = 0 WHERE id = ?").param(id).update();
    }

    /**
     * The bot hands the case to people: it enters the queue with the hand-over's first-response target (unless a
     * person has answered already).
     */
    void handedOver(UUID id, String reason, Instant at, Instant firstResponseDue) {
        jdbc.sql("""
                UPDATE service.conversation SET bot_active = false, handed_over_at = ?, handover_reason = ?,
                    first_response_due = CASE WHEN first_response_at IS NULL THEN ? ELSE first_response_due END,
                    version = version + 1
                WHERE id = ?""").params(Rows.timestamp(at), reason, Rows.timestamp(firstResponseDue), id).update();
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
                UPDATE service.conversation SET assignee_id = ?, assigned_at = ?, version = version + 1,
                    bot_active = bot_active AND ?::uuid IS NULL
                WHERE id = ?""").params(agentId, agentId == null ? null : Rows.timestamp(now), agentId, id).update();
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
                Rows.uuidOrNull(rs, "previous_id"), rs.getInt("reopened_count"),
                Rows.enumOf(rs, "priority", Priority.class), Rows.instantOrNull(rs, "resolution_due"));
    }
}
