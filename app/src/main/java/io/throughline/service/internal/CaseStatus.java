package io.throughline.service.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationStatus;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving a case between open, pending, snoozed and resolved. Staff may reopen a resolved case only while the
 * customer has no other live case (she has one case at a time); snoozed cases wake up by themselves.
 */
@Component
class CaseStatus {

    private final ConversationStore conversations;
    private final ServiceEvents events;
    private final InboxSignals signals;
    private final Channels channels;
    private final TransactionTemplate transactions;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;
    private final ReportRollup rollup;
    private final Surveys surveys;

    CaseStatus(ConversationStore conversations, ServiceEvents events, InboxSignals signals, Channels channels,
            TransactionTemplate transactions, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock,
            ReportRollup rollup, Surveys surveys) {
        this.rollup = rollup;
        this.surveys = surveys;
        this.conversations = conversations;
        this.events = events;
        this.signals = signals;
        this.channels = channels;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Conversation change(UUID conversationId, ConversationStatus status, @Nullable Instant snoozedUntil) {
        Instant now = clock.instant();
        if (status == ConversationStatus.SNOOZED && (snoozedUntil == null || !snoozedUntil.isAfter(now))) {
            throw new InvalidRequestException("snoozedUntil", "a snoozed case needs a time in the future");
        }
        boolean[] resolvedNow = {false};
        Conversation changed = transactions.execute(tx -> {
            Conversation before = conversations.find(conversationId)
                    .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
            conversations.lockCustomer(before.profileId());
            Conversation conversation = conversations.lock(conversationId).orElseThrow();
            if (conversations.mergedInto(conversationId).isPresent()) {
                throw new ConflictException("conversationId", "the conversation was merged into another");
            }
            if (conversation.status() == status) {
                return conversation;
            }
            if (!conversation.status().live() && status.live()
                    && conversations.liveCaseOf(conversation.profileId()).isPresent()) {
                throw new ConflictException("status", "the customer has another live case; continue there");
            }
            conversations.status(conversationId, status, status == ConversationStatus.SNOOZED ? snoozedUntil : null,
                    now);
            Conversation after = conversations.find(conversationId).orElseThrow();
            if (status == ConversationStatus.RESOLVED) {
                channels.find(after.channel()).ifPresent(channel -> events.resolved(after, channel, now));
                rollup.resolved(after, conversations.slaStartedAt(conversationId), now);
                resolvedNow[0] = true;
            }
            return after;
        });
        signals.changed(conversationId);
        if (resolvedNow[0]) {
            surveys.offer(changed);
        }
        return changed;
    }

    /** Snoozed cases whose time has come wait for the brand again. */
    @Scheduled(fixedDelayString = "${throughline.service.snooze-check:PT30S}")
    void wakeSnoozed() {
        jdbc.sql("""
                UPDATE service.conversation SET status = 'OPEN', snoozed_until = NULL, version = version + 1
                WHERE status = 'SNOOZED' AND snoozed_until <= ? RETURNING id""")
                .param(io.throughline.platform.Rows.timestamp(clock.instant()))
                .query((rs, row) -> io.throughline.platform.Rows.uuid(rs, "id")).list()
                .forEach(signals::changed);
    }
}
