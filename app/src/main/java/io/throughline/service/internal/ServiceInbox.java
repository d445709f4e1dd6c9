package io.throughline.service.internal;

import io.throughline.platform.Channel;
import io.throughline.platform.NotFoundException;
import io.throughline.service.CallLog;
import io.throughline.platform.Rows;
import io.throughline.service.CaseChange;
import io.throughline.service.Conversation;
import io.throughline.service.Priority;
import io.throughline.service.SlaState;
import java.time.Clock;
import org.springframework.transaction.support.TransactionTemplate;
import io.throughline.service.ConversationMessage;
import io.throughline.service.ConversationStatus;
import io.throughline.service.ConversationThread;
import io.throughline.service.Conversations;
import io.throughline.service.Inbound;
import io.throughline.service.Received;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The inbox's API, handing each use case to the collaborator that does it. */
@Service
class ServiceInbox implements Conversations {

    private final Intake intake;
    private final Replies replies;
    private final Assignment assignment;
    private final CaseStatus status;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ServiceSettings settings;
    private final SplitsAndMerges splits;
    private final FirstLineBot bot;
    private final SlaTargets targets;
    private final InboxSignals signals;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JdbcClient jdbc;

    ServiceInbox(Intake intake, Replies replies, Assignment assignment, CaseStatus status,
            ConversationStore conversations, MessageStore messages, ServiceSettings settings, SplitsAndMerges splits,
            SlaTargets targets, InboxSignals signals, TransactionTemplate transactions, Clock clock,
            JdbcClient jdbc, FirstLineBot bot) {
        this.bot = bot;
        this.splits = splits;
        this.targets = targets;
        this.signals = signals;
        this.transactions = transactions;
        this.clock = clock;
        this.intake = intake;
        this.replies = replies;
        this.assignment = assignment;
        this.status = status;
        this.conversations = conversations;
        this.messages = messages;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    public Received receive(Inbound message) {
        Received received = intake.receive(message);
        if (received instanceof Received.Stored stored && !bot.answer(stored, message) && settings.autoAssign()) {
            assignment.autoAssign(stored.conversationId());
        }
        return received;
    }

    @Override
    public ConversationMessage reply(UUID conversationId, UUID staffId, String text) {
        return replies.reply(conversationId, staffId, text);
    }

    @Override
    public ConversationMessage note(UUID conversationId, UUID staffId, String text) {
        return replies.note(conversationId, staffId, text);
    }

    @Override
    public ConversationMessage logCall(UUID profileId, Channel channel, UUID staffId, CallLog call) {
        return replies.logCall(profileId, channel, staffId, call);
    }

    @Override
    public Conversation assign(UUID conversationId, UUID agentId, UUID byStaffId) {
        return assignment.assign(conversationId, agentId);
    }

    @Override
    public Optional<Conversation> autoAssign(UUID conversationId) {
        return assignment.autoAssign(conversationId);
    }

    @Override
    public Conversation route(UUID conversationId, @Nullable String team) {
        conversations.find(conversationId).orElseThrow(() -> new NotFoundException("Conversation", conversationId));
        conversations.team(conversationId, team == null || team.isBlank() ? null : team.strip());
        return conversations.find(conversationId).orElseThrow();
    }

    @Override
    public Conversation changeStatus(UUID conversationId, ConversationStatus newStatus, @Nullable Instant snoozedUntil,
            UUID staffId) {
        return status.change(conversationId, newStatus, snoozedUntil);
    }

    @Override
    public ConversationThread thread(UUID conversationId) {
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
        return new ConversationThread(conversation, messages.thread(conversationId));
    }

    @Override
    public Conversation prioritise(UUID conversationId, Priority priority, UUID staffId) {
        Conversation changed = transactions.execute(tx -> {
            Conversation conversation = conversations.lock(conversationId)
                    .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
            if (conversation.priority() == priority) {
                return conversation;
            }
            conversations.prioritise(conversationId, priority,
                    targets.from(conversations.slaStartedAt(conversationId), conversation.medium(), priority));
            return conversations.find(conversationId).orElseThrow();
        });
        signals.changed(conversationId);
        return changed;
    }

    @Override
    public CaseChange merge(UUID sourceId, UUID targetId, UUID staffId) {
        return splits.merge(sourceId, targetId, staffId);
    }

    @Override
    public CaseChange split(UUID conversationId, List<UUID> messageIds, UUID staffId) {
        return splits.split(conversationId, messageIds, staffId);
    }

    @Override
    public CaseChange undo(UUID changeId, UUID staffId) {
        return splits.undo(changeId);
    }

    @Override
    public List<CaseChange> changes(UUID conversationId) {
        return splits.of(conversationId);
    }

    @Override
    public SlaState sla(Conversation conversation) {
        return conversation.sla(clock.instant(), settings.slaWarning());
    }

    @Override
    public List<Conversation> atRisk(int limit) {
        Instant horizon = clock.instant().plus(settings.slaWarning());
        // The next due time: the first answer's while she waits for one, else the resolution's.
        return jdbc.sql("SELECT " + ConversationStore.COLUMNS + """
                 FROM service.conversation c
                WHERE c.status <> 'RESOLVED' AND c.merged_into IS NULL
                  AND CASE WHEN c.first_response_at IS NULL THEN c.first_response_due ELSE c.resolution_due END < ?
                ORDER BY CASE WHEN c.first_response_at IS NULL THEN c.first_response_due ELSE c.resolution_due END,
                    c.id
                LIMIT ?""").params(Rows.timestamp(horizon), Math.max(1, Math.min(limit, 500)))
                .query(ConversationStore::conversation).list();
    }

    @Override
    public List<Conversation> queue(QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(
                "c.assignee_id IS NULL AND c.status <> 'RESOLVED' AND c.merged_into IS NULL AND NOT c.bot_active");
        if (filter.team() != null) {
            where.append(" AND c.team = ?");
            params.add(filter.team());
        }
        if (filter.medium() != null) {
            where.append(" AND c.medium = ?");
            params.add(filter.medium().name());
        }
        params.add(Math.max(1, Math.min(filter.limit(), 500)));
        // Unanswered cases by time to breach, then the rest first come first served.
        return jdbc.sql("SELECT " + ConversationStore.COLUMNS + " FROM service.conversation c WHERE " + where
                        + " ORDER BY (c.first_response_at IS NOT NULL), c.first_response_due, c.opened_at, c.id"
                        + " LIMIT ?")
                .params(params).query(ConversationStore::conversation).list();
    }

    @Override
    public List<Conversation> assignedTo(UUID staffId) {
        return jdbc.sql("SELECT " + ConversationStore.COLUMNS + """
                 FROM service.conversation c
                WHERE c.assignee_id = ? AND c.status <> 'RESOLVED' AND c.merged_into IS NULL
                ORDER BY c.first_response_due, c.opened_at, c.id LIMIT 500""")
                .param(staffId).query(ConversationStore::conversation).list();
    }

    @Override
    public List<Conversation> ofCustomer(UUID profileId) {
        return conversations.ofCustomer(profileId);
    }
}
