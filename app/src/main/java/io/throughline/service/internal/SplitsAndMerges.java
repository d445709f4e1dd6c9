package io.throughline.service.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.service.CaseChange;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff splitting a case (some of its messages become a case of their own, linked to it) and merging two of a
 * customer's cases into one thread, each recorded in {@code service.case_change} so it can be undone. A split
 * is undone by taking the new case's messages back, later ones included, and folding it into the original; a
 * merge by letting the folded case stand alone again. Under the customer's lock, like every change of her cases.
 */
@Component
class SplitsAndMerges {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final SlaTargets targets;
    private final InboxSignals signals;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    SplitsAndMerges(ConversationStore conversations, MessageStore messages, SlaTargets targets,
            InboxSignals signals, TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.targets = targets;
        this.signals = signals;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    CaseChange merge(UUID sourceId, UUID targetId, UUID staffId) {
        if (sourceId.equals(targetId)) {
            throw new InvalidRequestException("targetId", "is the case itself");
        }
        CaseChange change = transactions.execute(status -> {
            Conversation source = standing(sourceId, "conversationId");
            Conversation target = conversations.find(targetId)
                    .orElseThrow(() -> new InvalidRequestException("targetId", "is not a case of the inbox"));
            if (!target.profileId().equals(source.profileId())) {
                throw new ConflictException("targetId", "is another customer's case; merge the customers first");
            }
            if (conversations.mergedInto(targetId).isPresent()) {
                throw new ConflictException("targetId", "was merged into another case; merge into that one");
            }
            jdbc.sql("UPDATE service.conversation SET merged_into = ?, version = version + 1 WHERE id = ?")
                    .params(targetId, sourceId).update();
            return record(CaseChange.Kind.MERGE, sourceId, targetId, List.of(), staffId);
        });
        signals.changed(sourceId);
        signals.changed(targetId);
        return change;
    }

    CaseChange split(UUID sourceId, List<UUID> messageIds, UUID staffId) {
        if (messageIds.isEmpty()) {
            throw new InvalidRequestException("messageIds", "name at least one message to split off");
        }
        CaseChange change = transactions.execute(status -> {
            Conversation source = standing(sourceId, "conversationId");
            List<ConversationMessage> own = messages.thread(sourceId).stream()
                    .filter(message -> message.conversationId().equals(sourceId)).toList();
            Set<UUID> ownIds = new HashSet<>(own.stream().map(ConversationMessage::id).toList());
            Set<UUID> moving = new HashSet<>(messageIds);
            if (!ownIds.containsAll(moving)) {
                throw new InvalidRequestException("messageIds", "name only messages of this case");
            }
            if (moving.size() == ownIds.size()) {
                throw new InvalidRequestException("messageIds", "leave at least one message on the case");
            }
            ConversationMessage first = own.stream().filter(message -> moving.contains(message.id())).findFirst()
                    .orElseThrow();
            Instant now = clock.instant();
            UUID newId = Ids.newId(clock);
            String text = first.bodyText().strip().replaceAll("\\s+", " ");
            conversations.insert(newId, source.profileId(), first.medium(), first.channel(),
                    text.isEmpty() ? source.subject() : text.length() > 120 ? text.substring(0, 120) : text, now,
                    source.priority(), targets.from(now, first.medium(), source.priority()), sourceId);
            jdbc.sql("UPDATE service.message SET conversation_id = ? WHERE id = ANY(?) AND conversation_id = ?")
                    .params(newId, moving.toArray(UUID[]::new), sourceId).update();
            return record(CaseChange.Kind.SPLIT, sourceId, newId, List.copyOf(moving), staffId);
        });
        signals.changed(sourceId);
        signals.changed(change.targetId());
        return change;
    }

    CaseChange undo(UUID changeId) {
        CaseChange undone = transactions.execute(status -> {
            CaseChange change = jdbc.sql("SELECT * FROM service.case_change WHERE id = ? FOR UPDATE")
                    .param(changeId).query(SplitsAndMerges::change).optional()
                    .orElseThrow(() -> new NotFoundException("Case change", changeId));
            if (change.undoneAt() != null) {
                throw new ConflictException("changeId", "was undone already");
            }
            Conversation source = conversations.find(change.sourceId()).orElseThrow();
            conversations.lockCustomer(source.profileId());
            if (change.kind() == CaseChange.Kind.MERGE) {
                jdbc.sql("""
                        UPDATE service.conversation SET merged_into = NULL, version = version + 1
                        WHERE id = ? AND merged_into = ?""").params(change.sourceId(), change.targetId()).update();
            } else {
                jdbc.sql("UPDATE service.message SET conversation_id = ? WHERE conversation_id = ?")
                        .params(change.sourceId(), change.targetId()).update();
                jdbc.sql("UPDATE service.conversation SET merged_into = ?, version = version + 1 WHERE id = ?")
                        .params(change.sourceId(), change.targetId()).update();
            }
            Instant now = clock.instant();
            jdbc.sql("UPDATE service.case_change SET undone_at = ? WHERE id = ?")
                    .params(Rows.timestamp(now), changeId).update();
            return find(changeId);
        });
        signals.changed(undone.sourceId());
        signals.changed(undone.targetId());
        return undone;
    }

    /** The splits and merges that touched a case, newest first. */
    List<CaseChange> of(UUID conversationId) {
        return jdbc.sql("""
                SELECT * FROM service.case_change WHERE source_id = ? OR target_id = ?
                ORDER BY made_at DESC, id DESC LIMIT 100""").params(conversationId, conversationId)
                .query(SplitsAndMerges::change).list();
    }

    /** A case staff may split or merge away: it exists and was not folded into another. */
    private Conversation standing(UUID id, String field) {
        Conversation conversation = conversations.find(id)
                .orElseThrow(() -> new NotFoundException("Conversation", id));
        conversations.lockCustomer(conversation.profileId());
        if (conversations.mergedInto(id).isPresent()) {
            throw new ConflictException(field, "the case was merged into another");
        }
        return conversations.lock(id).orElseThrow();
    }

    private CaseChange record(CaseChange.Kind kind, UUID sourceId, UUID targetId, List<UUID> messageIds,
            UUID staffId) {
        UUID id = Ids.newId(clock);
        jdbc.sql("""
                INSERT INTO service.case_change (id, kind, source_id, target_id, message_ids, staff_id, made_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind.name(), sourceId, targetId, messageIds.toArray(UUID[]::new), staffId,
                        Rows.timestamp(clock.instant())).update();
        return find(id);
    }

    private CaseChange find(UUID id) {
        return jdbc.sql("SELECT * FROM service.case_change WHERE id = ?").param(id).query(SplitsAndMerges::change)
                .single();
    }

    private static CaseChange change(ResultSet rs, int row) throws SQLException {
        return new CaseChange(Rows.uuid(rs, "id"), Rows.enumOf(rs, "kind", CaseChange.Kind.class),
                Rows.uuid(rs, "source_id"), Rows.uuid(rs, "target_id"),
                Arrays.asList((UUID[]) rs.getArray("message_ids").getArray()), Rows.uuid(rs, "staff_id"),
                Rows.instant(rs, "made_at"), Rows.instantOrNull(rs, "undone_at"));
    }
}
