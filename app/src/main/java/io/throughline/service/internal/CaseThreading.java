package io.throughline.service.internal;

import io.throughline.platform.Channel;
import io.throughline.platform.Ids;
import io.throughline.service.Conversation;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.Received.Threading;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the case a customer's message or call goes on, inside the caller's transaction and under her lock: her
 * live case whatever its channel; else the resolved case it answers (or her latest), reopened within the period;
 * else a new case naming the earlier one.
 */
@Component
class CaseThreading {

    /** The case, and how it was found. */
    record Found(UUID conversationId, Threading threading) {}

    private final ConversationStore conversations;
    private final ServiceSettings settings;
    private final ServiceEvents events;
    private final SlaTargets targets;
    private final Clock clock;

    CaseThreading(ConversationStore conversations, ServiceSettings settings, ServiceEvents events,
            SlaTargets targets, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.events = events;
        this.targets = targets;
        this.clock = clock;
    }

    Found caseFor(UUID profileId, Medium medium, Channel channel, String subject, Optional<Conversation> answered) {
        Instant now = clock.instant();
        Optional<Conversation> live = conversations.liveCaseOf(profileId);
        if (live.isPresent()) {
            return new Found(live.get().id(), Threading.JOINED_OPEN_CASE);
        }
        Optional<Conversation> previous = answered.filter(conversation -> !conversation.status().live())
                .or(() -> conversations.latestResolvedOf(profileId));
        var decision = new ThreadingPolicy(settings.reopenWithin())
                .decide(previous.map(Conversation::resolvedAt).orElse(null), now);
        if (decision == ThreadingPolicy.Decision.REOPEN) {
            Conversation reopened = previous.orElseThrow();
            UUID id = reopened.id();
            conversations.reopen(id, targets.from(now, reopened.medium(), reopened.priority()), now);
            return new Found(id, Threading.REOPENED);
        }
        UUID id = Ids.newId(clock);
        @Nullable UUID previousId = previous.map(Conversation::id).orElse(null);
        conversations.insert(id, profileId, medium, channel.key(), subject, now, Priority.NORMAL,
                targets.from(now, medium, Priority.NORMAL), previousId);
        events.started(conversations.find(id).orElseThrow(), channel, now);
        return new Found(id, previousId == null ? Threading.NEW_CASE : Threading.NEW_CASE_AFTER_PREVIOUS);
    }
}
