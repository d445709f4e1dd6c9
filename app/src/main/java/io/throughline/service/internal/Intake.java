package io.throughline.service.internal;

import io.throughline.events.Identifier;
import io.throughline.platform.Ids;
import io.throughline.service.Medium;
import io.throughline.service.Conversation;
import io.throughline.service.Direction;
import io.throughline.service.Inbound;
import io.throughline.service.MessageKind;
import io.throughline.service.Received;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's message arriving: her profile from the identity graph, then, in one transaction under her lock,
 * her case (the live one whatever its channel, else the one the message answers or her latest, reopened or
 * followed by a new one) and the message, stored once per dedupe key.
 */
@Component
class Intake {

    private final SenderResolution senders;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final CaseThreading threading;
    private final InboxSignals signals;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Intake(SenderResolution senders, ConversationStore conversations, MessageStore messages,
            CaseThreading threading, InboxSignals signals, TransactionTemplate transactions, Clock clock) {
        this.senders = senders;
        this.conversations = conversations;
        this.messages = messages;
        this.threading = threading;
        this.signals = signals;
        this.transactions = transactions;
        this.clock = clock;
    }

    Received receive(Inbound message) {
        Optional<MessageStore.Known> known = messages.byDedupeKey(message.dedupeKey());
        if (known.isPresent()) {
            return new Received.Duplicate(known.get().messageId(), known.get().conversationId());
        }
        UUID messageId = Ids.newId(clock);
        Optional<UUID> profile = senders.profileOf(message, messageId);
        if (profile.isEmpty()) {
            return new Received.Suppressed();
        }
        Received received;
        try {
            received = transactions.execute(status -> store(message, messageId, profile.get()));
        } catch (DuplicateKeyException retriedMeanwhile) {
            MessageStore.Known first = messages.byDedupeKey(message.dedupeKey()).orElseThrow();
            return new Received.Duplicate(first.messageId(), first.conversationId());
        }
        if (received instanceof Received.Stored stored) {
            signals.changed(stored.conversationId());
        }
        return received;
    }

    private Received store(Inbound message, UUID messageId, UUID profileId) {
        conversations.lockCustomer(profileId);
        Optional<MessageStore.Known> known = messages.byDedupeKey(message.dedupeKey());
        if (known.isPresent()) {
            return new Received.Duplicate(known.get().messageId(), known.get().conversationId());
        }
        Instant now = clock.instant();
        CaseThreading.Found found = threading.caseFor(profileId, message.medium(), message.channel(),
                subject(message), answered(message, profileId));
        UUID conversationId = found.conversationId();
        messages.insert(new MessageStore.NewMessage(messageId, conversationId, profileId, MessageKind.MESSAGE,
                Direction.INBOUND, message.medium(), message.channel().key(), null, message.text(), message.html(),
                emailFields(message), null, null, "received", message.dedupeKey(), now));
        if (message.medium() == Medium.SMS || message.medium() == Medium.WHATSAPP) {
            message.sender().stream().filter(id -> Identifier.PHONE.equals(id.type())).findFirst()
                    .ifPresent(phone -> messages.senderAddress(messageId, phone.value()));
        }
        conversations.customerWrote(conversationId, now);
        return new Received.Stored(messageId, conversationId, profileId, found.threading());
    }

    /** The resolved case of hers that an email answers, by its In-Reply-To and References. */
    private Optional<Conversation> answered(Inbound message, UUID profileId) {
        if (message.email() == null) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(message.email().references());
        if (message.email().inReplyTo() != null) {
            ids.add(message.email().inReplyTo());
        }
        return messages.conversationOfEmails(ids).flatMap(conversations::find)
                .filter(conversation -> conversation.profileId().equals(profileId));
    }

    private static String subject(Inbound message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return truncate(message.subject().strip(), 300);
        }
        return truncate(message.text().strip().replaceAll("\\s+", " "), 120);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static MessageStore.@org.jspecify.annotations.Nullable EmailFields emailFields(Inbound message) {
        Inbound.EmailHeaders email = message.email();
        if (email == null) {
            return null;
        }
        return new MessageStore.EmailFields(email.messageId(), email.inReplyTo(),
                email.references().isEmpty() ? null : String.join(" ", email.references()), email.from(), email.to());
    }
}
