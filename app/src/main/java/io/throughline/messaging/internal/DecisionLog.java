package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessageDecision;
import io.throughline.messaging.MessageDecisions;
import io.throughline.messaging.MessagePurpose;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code messaging.decision} rows. */
@Component
class DecisionLog implements MessageDecisions {

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DecisionLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Serialises the channel decisions of one customer until the transaction ends, so that two dispatches at
     * once cannot both count the same free place under a frequency cap.
     */
    void lock(UUID profileId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("messaging.decision:" + profileId)
                .query().singleRow();
    }

    /** Records the decision under the dispatch's idempotency key, if it has one. */
    void insert(MessageDecision decision, @Nullable String dispatchKey) {
        jdbc.sql("""
                INSERT INTO messaging.decision (id, profile_id, message_id, purpose, origin, outcome, channel,
                    delivery_id, hold_until, reasons, decided_for, created_at, dispatch_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(decision.id(), decision.profileId(), decision.messageId(), decision.purpose().key(),
                        decision.origin(), decision.outcome().key(),
                        decision.channel() == null ? null : decision.channel().key(), decision.deliveryId(),
                        timestamp(decision.holdUntil()), json.writeValueAsString(decision.reasons()),
                        Timestamp.from(decision.decidedFor()), Timestamp.from(decision.createdAt()), dispatchKey)
                .update();
    }

    Optional<MessageDecision> byKey(String dispatchKey) {
        return jdbc.sql("SELECT * FROM messaging.decision WHERE dispatch_key = ?").param(dispatchKey)
                .query(this::decision).optional();
    }

    /** What the send of a decision to send came to: its delivery, and a skip with the reason if it failed. */
    void sent(UUID decisionId, UUID deliveryId, MessageDecision.Outcome outcome, List<String> reasons) {
        jdbc.sql("UPDATE messaging.decision SET delivery_id = ?, outcome = ?, reasons = ?::jsonb WHERE id = ?")
                .params(deliveryId, outcome.key(), json.writeValueAsString(reasons), decisionId).update();
    }

    /**
     * The customer's marketing sends per channel in the window, of every origin: the decisions to send, and the
     * direct sends that no decision made.
     */
    Map<MessageChannel, Integer> marketingSends(UUID profileId, Instant from, Instant to) {
        Map<MessageChannel, Integer> counts = new EnumMap<>(MessageChannel.class);
        jdbc.sql("""
                SELECT channel, count(*) FROM (
                    SELECT channel FROM messaging.decision
                    WHERE profile_id = :profile AND outcome = 'send' AND purpose = 'marketing'
                        AND decided_for > :from AND decided_for <= :to
                    UNION ALL
                    SELECT channel FROM messaging.delivery d
                    WHERE profile_id = :profile AND purpose = 'marketing' AND status NOT IN ('refused', 'failed')
                        AND created_at > :from AND created_at <= :to
                        AND NOT EXISTS (SELECT 1 FROM messaging.decision made WHERE made.delivery_id = d.id)
                ) sends GROUP BY channel""")
                .param("profile", profileId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(count -> MessageChannel.of(count.getKey())
                        .ifPresent(channel -> counts.put(channel, count.getValue())));
        return counts;
    }

    @Override
    public Page<MessageDecision> forProfile(UUID profileId, PageRequest pageRequest) {
        List<MessageDecision> items = jdbc.sql("""
                SELECT * FROM messaging.decision WHERE profile_id = ? ORDER BY created_at DESC, id DESC
                LIMIT ? OFFSET ?""").params(profileId, pageRequest.size(), pageRequest.offset())
                .query(this::decision).list();
        long total = jdbc.sql("SELECT count(*) FROM messaging.decision WHERE profile_id = ?").param(profileId)
                .query(Long.class).single();
        return new Page<>(items, pageRequest.page(), pageRequest.size(), total);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private MessageDecision decision(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        return new MessageDecision(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class),
                rs.getObject("message_id", UUID.class), MessagePurpose.of(rs.getString("purpose")).orElseThrow(),
                rs.getString("origin"),
                MessageDecision.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                channel == null ? null : MessageChannel.of(channel).orElseThrow(),
                rs.getObject("delivery_id", UUID.class), JdbcOutbox.instant(rs, "hold_until"),
                json.readValue(rs.getString("reasons"), REASONS), rs.getTimestamp("decided_for").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
