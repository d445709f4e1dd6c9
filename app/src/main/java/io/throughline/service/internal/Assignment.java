package io.throughline.service.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.service.Conversation;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Giving cases to agents, manually or by capacity. Each assignment locks the case first and then the agents'
 * rows, and counts their live cases under those locks, so two assignments at once never give one case to two
 * agents nor take an agent past her capacity.
 */
@Component
class Assignment {

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final ServiceEvents events;
    private final InboxSignals signals;
    private final Channels channels;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CapacityPolicy capacity = new CapacityPolicy();

    Assignment(ConversationStore conversations, AgentStore agents, ServiceEvents events, InboxSignals signals,
            Channels channels, TransactionTemplate transactions, Clock clock) {
        this.conversations = conversations;
        this.agents = agents;
        this.events = events;
        this.signals = signals;
        this.channels = channels;
        this.transactions = transactions;
        this.clock = clock;
    }

    Conversation assign(UUID conversationId, UUID agentId) {
        Conversation assigned = transactions.execute(status -> {
            Conversation conversation = liveCase(conversationId);
            if (agentId.equals(conversation.assigneeId())) {
                return conversation;
            }
            Agent agent = agents.lock(agentId).orElseThrow(() -> new InvalidRequestException("agentId",
                    "is not an agent of the inbox; give her a capacity first"));
            if (!capacity.hasRoom(agent, agents.loads(List.of(agentId)))) {
                throw new ConflictException("agentId", "the agent already holds as many cases as her capacity");
            }
            return give(conversation, agentId);
        });
        signals.changed(conversationId);
        return assigned;
    }

    Optional<Conversation> autoAssign(UUID conversationId) {
        Optional<Conversation> assigned = transactions.execute(status -> {
            Conversation conversation = liveCase(conversationId);
            if (conversation.assigneeId() != null) {
                return Optional.of(conversation);
            }
            List<Agent> candidates = agents.lockAvailable(conversation.team());
            Map<UUID, Integer> loads = agents.loads(candidates.stream().map(Agent::staffId).toList());
            return capacity.choose(candidates, loads).map(agentId -> give(conversation, agentId));
        });
        assigned.ifPresent(conversation -> signals.changed(conversationId));
        return assigned;
    }

    private Conversation give(Conversation conversation, UUID agentId) {
        Instant now = clock.instant();
        conversations.assign(conversation.id(), agentId, now);
        agents.assigned(agentId, now);
        Conversation assigned = conversations.find(conversation.id()).orElseThrow();
        channels.find(conversation.channel()).ifPresent(channel -> events.assigned(assigned, channel, agentId, now));
        return assigned;
    }

    private Conversation liveCase(UUID conversationId) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
        if (!conversation.status().live() || conversations.mergedInto(conversationId).isPresent()) {
            throw new ConflictException("conversationId", "only a live case can be assigned");
        }
        return conversation;
    }
}
