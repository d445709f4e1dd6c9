package io.throughline.service.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.platform.Channel;
import io.throughline.service.Conversation;
import io.throughline.service.Medium;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The inbox's customer events, each on the channel it happened in and with its medium, written with the
 * transaction that did what it notes, so that journeys and segments see a case open, answered and resolved.
 */
@Component
class ServiceEvents {

    private final EventLog log;

    ServiceEvents(EventLog log) {
        this.log = log;
    }

    void started(Conversation conversation, Channel channel, Instant at) {
        append(EventNames.CONVERSATION_STARTED, channel, conversation.profileId(), conversation.id(),
                conversation.medium(), at, null, null);
    }

    void sent(UUID profileId, UUID conversationId, UUID messageId, Medium medium, Channel channel, Instant at) {
        append(EventNames.MESSAGE_SENT, channel, profileId, conversationId, medium, at, messageId, null);
    }

    /** A message whose sender was known already (a logged call): no resolution needed. */
    void received(UUID profileId, UUID conversationId, UUID messageId, Medium medium, Channel channel, Instant at) {
        append(EventNames.MESSAGE_RECEIVED, channel, profileId, conversationId, medium, at, messageId, null);
    }

    void assigned(Conversation conversation, Channel channel, UUID agentId, Instant at) {
        append(EventNames.CONVERSATION_ASSIGNED, channel, conversation.profileId(), conversation.id(),
                conversation.medium(), at, null, agentId);
    }

    void resolved(Conversation conversation, Channel channel, Instant at) {
        append(EventNames.CONVERSATION_RESOLVED, channel, conversation.profileId(), conversation.id(),
                conversation.medium(), at, null, null);
    }

    private void append(String name, Channel channel, UUID profileId, UUID conversationId, Medium medium,
            Instant at, @Nullable UUID messageId, @Nullable UUID agentId) {
        log.appendWithTransaction(CustomerEvent.track(name, channel, at)
                .about(profileId, null)
                .property("conversation_id", conversationId)
                .property("medium", medium.name().toLowerCase(Locale.ROOT))
                .property("message_id", messageId)
                .property("agent_id", agentId)
                .toAppend(name.toLowerCase(Locale.ROOT).replace(' ', '-') + ":" + conversationId + ":"
                        + (messageId != null ? messageId : at.toEpochMilli()), at));
    }
}
