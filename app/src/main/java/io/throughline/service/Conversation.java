package io.throughline.service;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One case of a customer's, as agents see it in a list.
 *
 * @param previousId         the case she had before, when this one was opened after its reopening period
 * @param firstResponseDue   when the first human answer is due (the SLA's first-response target)
 * @param firstResponseAt    when an agent first answered, if she has been answered
 */
public record Conversation(UUID id, UUID profileId, ConversationStatus status, Medium medium, String channel,
        @Nullable String team, @Nullable String subject, @Nullable UUID assigneeId, Instant openedAt,
        Instant firstResponseDue, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
        Instant lastMessageAt, @Nullable UUID previousId, int reopenedCount) {

    /** Seconds until the first-response target is breached, negative once it is; null when already answered. */
    public @Nullable Long secondsToBreach(Instant now) {
        return firstResponseAt != null ? null : firstResponseDue.getEpochSecond() - now.getEpochSecond();
    }
}
