package io.throughline.messaging.internal;

import io.throughline.messaging.Delivery;
import io.throughline.messaging.DeliveryStatus;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Keyset;
import io.throughline.platform.KeysetQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
    private static final String COLUMNS = "id, message_id, variant_key, profile_id, channel, purpose, status, reason,"
            + " created_at, delivered_at, opened_at, clicked_at, bounced_at, unsubscribed_at";

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
                        delivery.channel().name(), delivery.purpose().name(), delivery.status().name(), delivery.reason(),
                        json.writeValueAsString(links), Rows.timestamp(delivery.createdAt()),
                        Rows.timestamp(delivery.createdAt()), Rows.timestampOrNull(delivery.deliveredAt()))
                .update();
    }

    Delivery get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("delivery", id));
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messaging.delivery WHERE id = ?").param(id).query(DeliveryLog::delivery)
                .optional();
    }

    /** The URL of the delivery's tracked link at the position, if it has one there. */
    Optional<String> link(UUID deliveryId, int position) {
        return jdbc.sql("SELECT links FROM messaging.delivery WHERE id = ?").param(deliveryId).query(String.class)
                .optional().map(links -> json.readValue(links, LINKS))
                .filter(links -> position < links.size()).map(links -> links.get(position));
    }

    /** The customer's deliveries, newest first, from just after the cursor; the list grows without bound. */
    Keyset.Slice<Delivery> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size) {
        return new KeysetQuery(COLUMNS, "FROM messaging.delivery WHERE profile_id = ?", "created_at", "id", List.of(profileId))
                .read(jdbc, after, size, DeliveryLog::delivery, delivery -> new Keyset.Cursor(delivery.createdAt(), delivery.id()));
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
                .params(Rows.timestamp(at), Rows.timestamp(at), status == null ? null : status.name(), reason, id)
                .update() == 1;
    }


    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(Rows.uuid(rs, "id"), Rows.uuid(rs, "message_id"),
                rs.getString("variant_key"), Rows.uuid(rs, "profile_id"),
                Rows.enumOf(rs, "channel", MessageChannel.class), Rows.enumOf(rs, "purpose", MessagePurpose.class),
                Rows.enumOf(rs, "status", DeliveryStatus.class), rs.getString("reason"),
                Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "delivered_at"),
                Rows.instantOrNull(rs, "opened_at"), Rows.instantOrNull(rs, "clicked_at"),
                Rows.instantOrNull(rs, "bounced_at"), Rows.instantOrNull(rs, "unsubscribed_at"));
    }
}
