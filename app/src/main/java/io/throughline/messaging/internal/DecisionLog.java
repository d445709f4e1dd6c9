package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessageDecision;
import io.throughline.messaging.MessageDecisions;
import io.throughline.messaging.MessagePurpose;
import io.throughline.platform.Keyset;
import io.throughline.platform.KeysetQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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
    private static final String COLUMNS = "id, profile_id, message_id, purpose, origin, outcome, channel, delivery_id,"
            + " hold_until, reasons, decided_for, created_at";

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
                .params(decision.id(), decision.profileId(), decision.messageId(), decision.purpose().name(),
                        decision.origin(), decision.outcome().name(),
                        decision.channel() == null ? null : decision.channel().name(), decision.deliveryId(),
                        Rows.timestampOrNull(decision.holdUntil()), json.writeValueAsString(decision.reasons()),
                        Rows.timestamp(decision.decidedFor()), Rows.timestamp(decision.createdAt()), dispatchKey)
                .update();
    }

    Optional<MessageDecision> byKey(String dispatchKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.decision WHERE dispatch_key = ?").param(dispatchKey)
                .query(this::decision).optional();
    }

    /** What the send of a decision to send came to: its delivery, and a skip with the reason if it failed. */
    void sent(UUID decisionId, UUID deliveryId, MessageDecision.Outcome outcome, List<String> reasons) {
        jdbc.sql("UPDATE messaging.decision SET delivery_id = ?, outcome = ?, reasons = ?::jsonb WHERE id = ?")
                .params(deliveryId, outcome.name(), json.writeValueAsString(reasons), decisionId).update();
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
                    WHERE profile_id = :profile AND outcome = 'SEND' AND purpose = 'MARKETING'
                        AND decided_for > :from AND decided_for <= :to
                    UNION ALL
                    SELECT channel FROM messaging.delivery d
                    WHERE profile_id = :profile AND purpose = 'MARKETING' AND status NOT IN ('REFUSED', 'FAILED')
                        AND created_at > :from AND created_at <= :to
                        AND NOT EXISTS (SELECT 1 FROM messaging.decision made WHERE made.delivery_id = d.id)
                ) sends GROUP BY channel""")
                .param("profile", profileId).param("from", Rows.timestamp(from)).param("to", Rows.timestamp(to))
                .query((rs, row) -> Map.entry(Rows.enumOf(rs, "channel", MessageChannel.class), rs.getInt(2))).list()
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    @Override
    public Keyset.Slice<MessageDecision> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size) {
        return new KeysetQuery(COLUMNS, "FROM messaging.decision WHERE profile_id = ?", "created_at", "id", List.of(profileId))
                .read(jdbc, after, size, this::decision, decision -> new Keyset.Cursor(decision.createdAt(), decision.id()));
    }

    private MessageDecision decision(ResultSet rs, int row) throws SQLException {
        return new MessageDecision(Rows.uuid(rs, "id"), Rows.uuid(rs, "profile_id"), Rows.uuid(rs, "message_id"),
                Rows.enumOf(rs, "purpose", MessagePurpose.class), rs.getString("origin"),
                Rows.enumOf(rs, "outcome", MessageDecision.Outcome.class),
                Rows.enumOrNull(rs, "channel", MessageChannel.class),
                Rows.uuidOrNull(rs, "delivery_id"), Rows.instantOrNull(rs, "hold_until"),
                json.readValue(rs.getString("reasons"), REASONS), Rows.instant(rs, "decided_for"),
                Rows.instant(rs, "created_at"));
    }
}
