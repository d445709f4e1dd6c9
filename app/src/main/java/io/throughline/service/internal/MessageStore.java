package io.throughline.service.internal;

import io.throughline.platform.Rows;
import io.throughline.service.ConversationMessage;
import io.throughline.service.Direction;
import io.throughline.service.Medium;
import io.throughline.service.MessageKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The messages, notes and calls of cases ({@code service.message}). */
@Component
class MessageStore {

    private static final String COLUMNS = """
            id, conversation_id, kind, direction, medium, channel, author_staff_id, body_text, body_html,
            call_seconds, call_disposition, delivery, created_at""";

    /** A message as it is written. */
    record NewMessage(UUID id, UUID conversationId, UUID profileId, MessageKind kind, Direction direction,
            Medium medium, String channel, @Nullable UUID authorStaffId, String text, @Nullable String html,
            @Nullable EmailFields email, @Nullable Integer callSeconds, @Nullable String callDisposition,
            String delivery, @Nullable String dedupeKey, Instant createdAt) {}

    /** An email's headers as stored, for threading and for the headers of the answer. */
    record EmailFields(String messageId, @Nullable String inReplyTo, @Nullable String references,
            @Nullable String from, @Nullable String to) {}

    /** A stored message found by its dedupe key. */
    record Known(UUID messageId, UUID conversationId) {}

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Known> byDedupeKey(String dedupeKey) {
        return jdbc.sql("SELECT id, conversation_id FROM service.message WHERE dedupe_key = ?").param(dedupeKey)
                .query((rs, row) -> new Known(Rows.uuid(rs, "id"), Rows.uuid(rs, "conversation_id"))).optional();
    }

    /** The case that holds one of these emails (the one an answer names in In-Reply-To or References). */
    Optional<UUID> conversationOfEmails(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT conversation_id FROM service.message WHERE email_message_id = ANY(?)
                ORDER BY created_at DESC LIMIT 1""").param(messageIds.toArray(String[]::new))
                .query((rs, row) -> Rows.uuid(rs, "conversation_id")).optional();
    }

    /** The customer's latest email on the case (or on cases merged into it), which an answer replies to. */
    Optional<EmailFields> latestInboundEmail(UUID conversationId) {
        return jdbc.sql("""
                SELECT email_message_id, email_in_reply_to, email_references, email_from, email_to
                FROM service.message
                WHERE conversation_id IN (SELECT id FROM service.conversation WHERE id = ? OR merged_into = ?)
                    AND email_message_id IS NOT NULL AND direction = 'INBOUND'
                ORDER BY created_at DESC LIMIT 1""").params(conversationId, conversationId)
                .query((rs, row) -> new EmailFields(rs.getString("email_message_id"),
                        rs.getString("email_in_reply_to"), rs.getString("email_references"),
                        rs.getString("email_from"), rs.getString("email_to")))
                .optional();
    }

    void insert(NewMessage message) {
        EmailFields email = message.email();
        jdbc.sql("""
                INSERT INTO service.message (id, conversation_id, profile_id, kind, direction, medium, channel,
                    author_staff_id, body_text, body_html, email_message_id, email_in_reply_to, email_references,
                    email_from, email_to, call_seconds, call_disposition, delivery, dedupe_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(message.id(), message.conversationId(), message.profileId(), message.kind().name(),
                        message.direction().name(), message.medium().name(), message.channel(),
                        message.authorStaffId(), message.text(), message.html(),
                        email == null ? null : email.messageId(), email == null ? null : email.inReplyTo(),
                        email == null ? null : email.references(), email == null ? null : email.from(),
                        email == null ? null : email.to(), message.callSeconds(), message.callDisposition(),
                        message.delivery(), message.dedupeKey(), Rows.timestamp(message.createdAt()))
                .update();
    }

    /** The number an SMS or WhatsApp message came from, which answers on that medium go back to. */
    void senderAddress(UUID messageId, String address) {
        jdbc.sql("UPDATE service.message SET sender_address = ? WHERE id = ?").params(address, messageId).update();
    }

    /** The number she last wrote from on the medium, on the case or on cases merged into it. */
    Optional<String> latestSender(UUID conversationId, Medium medium) {
        return jdbc.sql("""
                SELECT sender_address FROM service.message
                WHERE conversation_id IN (SELECT id FROM service.conversation WHERE id = ? OR merged_into = ?)
                    AND medium = ? AND direction = 'INBOUND' AND sender_address IS NOT NULL
                ORDER BY created_at DESC LIMIT 1""").params(conversationId, conversationId, medium.name())
                .query(String.class).optional();
    }

    void delivered(UUID messageId, String delivery) {
        jdbc.sql("UPDATE service.message SET delivery = ? WHERE id = ?").params(delivery, messageId).update();
    }

    /** The thread of a case, oldest first, with the messages of cases merged into it. */
    List<ConversationMessage> thread(UUID conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM service.message
                WHERE conversation_id IN (SELECT id FROM service.conversation WHERE id = ? OR merged_into = ?)
                ORDER BY created_at, id""").params(conversationId, conversationId).query(MessageStore::message)
                .list();
    }

    static ConversationMessage message(ResultSet rs, int row) throws SQLException {
        int seconds = rs.getInt("call_seconds");
        Integer callSeconds = rs.wasNull() ? null : seconds;
        return new ConversationMessage(Rows.uuid(rs, "id"), Rows.uuid(rs, "conversation_id"),
                Rows.enumOf(rs, "kind", MessageKind.class), Rows.enumOf(rs, "direction", Direction.class),
                Rows.enumOf(rs, "medium", Medium.class), rs.getString("channel"),
                Rows.uuidOrNull(rs, "author_staff_id"), rs.getString("body_text"), rs.getString("body_html"),
                callSeconds, rs.getString("call_disposition"), rs.getString("delivery"),
                Rows.instant(rs, "created_at"));
    }
}
