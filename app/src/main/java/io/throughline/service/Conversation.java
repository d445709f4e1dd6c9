package io.throughline.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One case of a customer's, as agents see it in a list.
 *
 * @param previousId         the case she had before, when this one was opened after its reopening period
 * @param firstResponseDue   when the first human answer is due (the SLA's first-response target)
 * @param firstResponseAt    when an agent first answered, if she has been answered
 * @param resolutionDue      when the case should be resolved (the SLA's resolution target)
 */
public record Conversation(UUID id, UUID profileId, ConversationStatus status, Medium medium, String channel,
        @Nullable String team, @Nullable String subject, @Nullable UUID assigneeId, Instant openedAt,
        Instant firstResponseDue, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
        Instant lastMessageAt, @Nullable UUID previousId, int reopenedCount, Priority priority,
        @Nullable Instant resolutionDue) {

    /** Seconds until the first-response target is breached, negative once it is; null when already answered. */
    public @Nullable Long secondsToBreach(Instant now) {
        return firstResponseAt != null ? null : firstResponseDue.getEpochSecond() - now.getEpochSecond();
    }

    /** The target the case works towards now: the first answer until she has one, then the resolution. */
    public @Nullable Instant nextDue() {
        if (resolvedAt != null) {
            return null;
        }
        if (firstResponseAt == null) {
            return firstResponseDue;
        }
        return resolutionDue;
    }

    /** Whether the first answer came in time; null while she waits and the target has not passed. */
    public @Nullable Boolean firstResponseMet(Instant now) {
        if (firstResponseAt != null) {
            return !firstResponseAt.isAfter(firstResponseDue);
        }
        if (resolvedAt != null) {
            // Resolved without an answer (a duplicate, spam): it kept the target if it was closed in time.
            return !resolvedAt.isAfter(firstResponseDue);
        }
        return now.isAfter(firstResponseDue) ? Boolean.FALSE : null;
    }

    /** Whether it was resolved in time; null while open and the target has not passed (or there is none). */
    public @Nullable Boolean resolutionMet(Instant now) {
        if (resolutionDue == null) {
            return resolvedAt == null ? null : Boolean.TRUE;
        }
        if (resolvedAt != null) {
            return !resolvedAt.isAfter(resolutionDue);
        }
        return now.isAfter(resolutionDue) ? Boolean.FALSE : null;
    }

    /** Against its targets now, warning once less than {@code warning} is left before the next one. */
    public SlaState sla(Instant now, Duration warning) {
        if (Boolean.FALSE.equals(firstResponseMet(now)) || Boolean.FALSE.equals(resolutionMet(now))) {
            return SlaState.BREACHED;
        }
        Instant due = nextDue();
        if (due == null) {
            return SlaState.MET;
        }
        return now.plus(warning).isAfter(due) ? SlaState.AT_RISK : SlaState.ON_TRACK;
    }
}
