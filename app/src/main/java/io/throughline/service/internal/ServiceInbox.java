package io.throughline.service.internal;

import io.throughline.platform.Channel;
import io.throughline.platform.NotFoundException;
import io.throughline.service.CallLog;
import io.throughline.service.Conversation;
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
    private final JdbcClient jdbc;

    ServiceInbox(Intake intake, Replies replies, Assignment assignment, CaseStatus status,
            ConversationStore conversations, MessageStore messages, ServiceSettings settings, JdbcClient jdbc) {
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
        if (received instanceof Received.Stored stored && settings.autoAssign()) {
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
    public List<Conversation> queue(QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(
                "c.assignee_id IS NULL AND c.status <> 'RESOLVED' AND c.merged_into IS NULL");
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
