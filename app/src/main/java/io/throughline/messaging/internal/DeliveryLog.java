package io.throughline.messaging.internal;

import io.throughline.messaging.Delivery;
import io.throughline.messaging.DeliveryStatus;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code messaging.delivery} rows. */
@Component
class DeliveryLog {

    private static final TypeReference<List<String>> LINKS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Delivery delivery, List<String> links) {
        jdbc.sql("""
                INSERT INTO messaging.delivery (id, message_id, variant_key, profile_id, channel, purpose, status,
                    reason, links, created_at, updated_at, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(delivery.id(), delivery.messageId(), delivery.variantKey(), delivery.profileId(),
                        delivery.channel().key(), delivery.purpose().key(), delivery.status().key(), delivery.reason(),
                        json.writeValueAsString(links), Timestamp.from(delivery.createdAt()),
                        Timestamp.from(delivery.createdAt()), timestamp(delivery.deliveredAt()))
                .update();
    }

    Delivery get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("delivery", id));
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT * FROM messaging.delivery WHERE id = ?").param(id).query(DeliveryLog::delivery)
                .optional();
    }

    /** The URL of the delivery's tracked link at the position, if it has one there. */
    Optional<String> link(UUID deliveryId, int position) {
        return jdbc.sql("SELECT links FROM messaging.delivery WHERE id = ?").param(deliveryId).query(String.class)
                .optional().map(links -> json.readValue(links, LINKS))
                .filter(links -> position < links.size()).map(links -> links.get(position));
    }

    Page<Delivery> forProfile(UUID profileId, PageRequest pageRequest) {
        List<Delivery> items = jdbc.sql("""
                SELECT * FROM messaging.delivery WHERE profile_id = ? ORDER BY created_at DESC, id DESC
                LIMIT ? OFFSET ?""").params(profileId, pageRequest.size(), pageRequest.offset())
                .query(DeliveryLog::delivery).list();
        long total = jdbc.sql("SELECT count(*) FROM messaging.delivery WHERE profile_id = ?").param(profileId)
                .query(Long.class).single();
        return new Page<>(items, pageRequest.page(), pageRequest.size(), total);
    }

    /**
     * Stamps the moment in the column unless it is stamped already, optionally changing status and reason.
     *
     * @return whether this was the first time
     */
    boolean stamp(UUID id, String column, Instant at, @Nullable DeliveryStatus status, @Nullable String reason) {
        if (!List.of("delivered_at", "opened_at", "clicked_at", "bounced_at", "unsubscribed_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("UPDATE messaging.delivery SET " + column + " = ?, updated_at = ?,"
                        + " status = coalesce(?, status), reason = coalesce(?, reason)"
                        + " WHERE id = ? AND " + column + " IS NULL")
                .params(Timestamp.from(at), Timestamp.from(at), status == null ? null : status.key(), reason, id)
                .update() == 1;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                rs.getString("variant_key"), rs.getObject("profile_id", UUID.class),
                MessageChannel.of(rs.getString("channel")).orElseThrow(),
                MessagePurpose.of(rs.getString("purpose")).orElseThrow(),
                DeliveryStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(), JdbcOutbox.instant(rs, "delivered_at"),
                JdbcOutbox.instant(rs, "opened_at"), JdbcOutbox.instant(rs, "clicked_at"),
                JdbcOutbox.instant(rs, "bounced_at"), JdbcOutbox.instant(rs, "unsubscribed_at"));
    }
}
