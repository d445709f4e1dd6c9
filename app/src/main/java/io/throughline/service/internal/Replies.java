package io.throughline.service.internal;

import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.service.CallLog;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationMessage;
import io.throughline.service.Direction;
import io.throughline.service.Medium;
import io.throughline.service.MessageKind;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff write on a case: answers to the customer on her medium (sent after the answer is stored, so a slow
 * mail server never holds the case's lock), private notes, and calls.
 */
@Component
class Replies {

    static final int MAX_LENGTH = 10_000;

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final CaseThreading threading;
    private final ServiceEvents events;
    private final EmailReplies email;
    private final InboxSignals signals;
    private final Channels channels;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The adapters of the media answered to a phone number. */
    private final java.util.Map<Medium, ReplyChannel> byNumber;

    Replies(ConversationStore conversations, MessageStore messages, CaseThreading threading, ServiceEvents events,
            EmailReplies email, InboxSignals signals, Channels channels, TransactionTemplate transactions,
            Clock clock, java.util.List<ReplyChannel> numbers) {
        this.byNumber = numbers.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                ReplyChannel::medium, channel -> channel));
        this.conversations = conversations;
        this.messages = messages;
        this.threading = threading;
        this.events = events;
        this.email = email;
        this.signals = signals;
        this.channels = channels;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An answer and what its sending needs once it is stored. */
    private record Answer(ConversationMessage message, Conversation conversation,
            MessageStore.@org.jspecify.annotations.Nullable EmailFields answering,
            @org.jspecify.annotations.Nullable String recipient) {}

    ConversationMessage reply(UUID conversationId, UUID staffId, String text) {
        return answer(conversationId, staffId, text);
    }

    /**
     * The first-line bot's answer: sent like an agent's, but no human has answered, so the first-response target
     * keeps running.
     */
    ConversationMessage botAnswer(UUID conversationId, String text) {
        return answer(conversationId, null, text);
    }

    private ConversationMessage answer(UUID conversationId, @org.jspecify.annotations.Nullable UUID staffId,
            String text) {
        String body = checked(text);
        Answer answer = transactions.execute(status -> {
            Conversation conversation = live(conversationId);
            Medium answerMedium = latestMedium(conversationId, conversation.medium());
            Optional<MessageStore.EmailFields> answering = answerMedium == Medium.EMAIL
                    ? messages.latestInboundEmail(conversationId) : Optional.empty();
            Instant now = clock.instant();
            UUID id = Ids.newId(clock);
            String recipient = byNumber.containsKey(answerMedium)
                    ? messages.latestSender(conversationId, answerMedium).orElse(null) : null;
            MessageStore.EmailFields ours = answerMedium == Medium.EMAIL && answering.isPresent()
                    ? new MessageStore.EmailFields(email.messageIdFor(id), answering.get().messageId(),
                            answering.get().references(), null, answering.get().from())
                    : null;
            messages.insert(new MessageStore.NewMessage(id, conversationId, conversation.profileId(),
                    MessageKind.MESSAGE, Direction.OUTBOUND, answerMedium, conversation.channel(), staffId, body, null,
                    ours, null, null, ours != null || recipient != null ? "pending" : deliveryOf(answerMedium), null,
                    now));
            if (staffId != null) {
                conversations.agentAnswered(conversationId, now);
                conversations.humanTookOver(conversationId);
            } else {
                conversations.touch(conversationId, now);
            }
            events.sent(conversation.profileId(), conversationId, id, answerMedium, channel(conversation), now);
            return new Answer(messages.thread(conversationId).stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow(), conversation, answering.orElse(null), recipient);
        });
        ConversationMessage message = answer.message();
        if (answer.answering() != null && answer.answering().from() != null) {
            String delivery = email.send(answer.answering().from(), answer.conversation().subject(), body,
                    email.messageIdFor(message.id()), answer.answering());
            messages.delivered(message.id(), delivery);
        } else if (answer.recipient() != null) {
            ReplyChannel channel = byNumber.get(message.medium());
            String delivery = switch (channel.deliver(new ReplyChannel.Outgoing(message.id(),
                    answer.conversation().profileId(), answer.recipient(), body))) {
                case ReplyChannel.Result.Sent sent -> sent.via();
                case ReplyChannel.Result.Failed failed -> "failed: " + failed.reason();
            };
            messages.delivered(message.id(), delivery);
        }
        signals.changed(conversationId);
        return message;
    }

    ConversationMessage note(UUID conversationId, UUID staffId, String text) {
        String body = checked(text);
        ConversationMessage note = transactions.execute(status -> {
            Conversation conversation = conversations.lock(conversationId)
                    .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
            UUID id = Ids.newId(clock);
            Instant now = clock.instant();
            messages.insert(new MessageStore.NewMessage(id, conversationId, conversation.profileId(),
                    MessageKind.NOTE, Direction.INTERNAL, conversation.medium(), conversation.channel(), staffId,
                    body, null, null, null, null, "internal", null, now));
            return find(conversationId, id);
        });
        signals.changed(conversationId);
        return note;
    }

    ConversationMessage logCall(UUID profileId, Channel channel, UUID staffId, CallLog call) {
        if (call.seconds() < 0 || call.seconds() > 86_400) {
            throw new InvalidRequestException("seconds", "must be between 0 and 86400");
        }
        if (call.disposition().isBlank() || call.disposition().length() > 40) {
            throw new InvalidRequestException("disposition", "must be 1 to 40 characters");
        }
        String note = call.note() == null ? "" : call.note().strip();
        if (note.length() > MAX_LENGTH) {
            throw new InvalidRequestException("note", "must be at most " + MAX_LENGTH + " characters");
        }
        ConversationMessage logged = transactions.execute(status -> {
            conversations.lockCustomer(profileId);
            String subject = note.isEmpty() ? "Phone call" : note.length() > 120 ? note.substring(0, 120) : note;
            CaseThreading.Found found = threading.caseFor(profileId, Medium.PHONE, channel, subject,
                    Optional.empty());
            UUID id = Ids.newId(clock);
            Instant now = clock.instant();
            messages.insert(new MessageStore.NewMessage(id, found.conversationId(), profileId, MessageKind.CALL,
                    Direction.INBOUND, Medium.PHONE, channel.key(), staffId, note, null, null, call.seconds(),
                    call.disposition().strip(), "logged", null, now));
            // The agent spoke with her: that is the case's first human response.
            conversations.agentAnswered(found.conversationId(), now);
            events.received(profileId, found.conversationId(), id, Medium.PHONE, channel, now);
            return find(found.conversationId(), id);
        });
        signals.changed(logged.conversationId());
        return logged;
    }

    private Conversation live(UUID conversationId) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
        if (conversations.mergedInto(conversationId).isPresent()) {
            throw new ConflictException("conversationId", "the conversation was merged into another; answer there");
        }
        return conversation;
    }

    /** The medium of the customer's latest message: answers go back the way she last wrote. */
    private Medium latestMedium(UUID conversationId, Medium fallback) {
        return messages.thread(conversationId).stream()
                .filter(m -> m.direction() == Direction.INBOUND && m.kind() == MessageKind.MESSAGE)
                .reduce((first, second) -> second).map(ConversationMessage::medium).orElse(fallback);
    }

    private static String deliveryOf(Medium medium) {
        return medium == Medium.CHAT ? "chat" : "recorded";
    }

    private Channel channel(Conversation conversation) {
        return channels.find(conversation.channel()).orElseGet(() -> channels.resolve(conversation.channel()));
    }

    private ConversationMessage find(UUID conversationId, UUID messageId) {
        return messages.thread(conversationId).stream().filter(m -> m.id().equals(messageId)).findFirst()
                .orElseThrow();
    }

    private static String checked(String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidRequestException("text", "must not be blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidRequestException("text", "must be at most " + MAX_LENGTH + " characters");
        }
        return body;
    }
}
