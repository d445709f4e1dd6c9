package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Outbox;
import io.throughline.messaging.SinkMessage;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sink, and the in-app cards and associate tasks the channels hold for people to read. */
@Service
class JdbcOutbox implements Outbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final String TASK_COLUMNS = "id, delivery_id, profile_id, location, title, body, created_at, done_at";
    private static final String SINK_COLUMNS =
            "id, delivery_id, channel, recipient, subject, text_body, html_body, headers, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    List<InAppCard> unreadCards(UUID profileId) {
        return jdbc.sql("""
                SELECT id, delivery_id, profile_id, title, body, link, created_at, read_at FROM messaging.in_app_card
                WHERE profile_id = ? AND read_at IS NULL
                ORDER BY created_at DESC LIMIT 100""").param(profileId).query(JdbcOutbox::card).list();
    }

    void markRead(UUID cardId) {
        int updated = jdbc.sql("UPDATE messaging.in_app_card SET read_at = coalesce(read_at, ?) WHERE id = ?")
                .params(Rows.timestamp(clock.instant()), cardId).update();
        if (updated == 0) {
            throw new NotFoundException("in-app card", cardId);
        }
    }

    Page<AssociateTask> openTasks(String location, PageRequest pageRequest) {
        return new PagedQuery(TASK_COLUMNS, "FROM messaging.associate_task WHERE location = ? AND done_at IS NULL",
                "created_at, id", List.of(location)).read(jdbc, pageRequest, JdbcOutbox::task);
    }

    /** The shop (its channel key) a task is for. */
    String taskLocation(UUID taskId) {
        return jdbc.sql("SELECT location FROM messaging.associate_task WHERE id = ?").param(taskId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("task", taskId));
    }

    void completeTask(UUID taskId) {
        int updated = jdbc.sql("UPDATE messaging.associate_task SET done_at = coalesce(done_at, ?) WHERE id = ?")
                .params(Rows.timestamp(clock.instant()), taskId).update();
        if (updated == 0) {
            throw new NotFoundException("task", taskId);
        }
    }

    @Override
    public Page<SinkMessage> sink(@Nullable MessageChannel channel, PageRequest pageRequest) {
        PagedQuery query = channel == null
                ? new PagedQuery(SINK_COLUMNS, "FROM messaging.sink_message", "created_at DESC, id DESC")
                : new PagedQuery(SINK_COLUMNS, "FROM messaging.sink_message WHERE channel = ?",
                        "created_at DESC, id DESC", List.of(channel.name()));
        return query.read(jdbc, pageRequest, this::sinkMessage);
    }

    private static InAppCard card(ResultSet rs, int row) throws SQLException {
        return new InAppCard(Rows.uuid(rs, "id"), Rows.uuid(rs, "delivery_id"),
                Rows.uuid(rs, "profile_id"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "read_at"));
    }

    private static AssociateTask task(ResultSet rs, int row) throws SQLException {
        return new AssociateTask(Rows.uuid(rs, "id"), Rows.uuid(rs, "delivery_id"),
                Rows.uuid(rs, "profile_id"), rs.getString("location"), rs.getString("title"),
                rs.getString("body"), Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "done_at"));
    }

    private SinkMessage sinkMessage(ResultSet rs, int row) throws SQLException {
        return new SinkMessage(Rows.uuid(rs, "id"), Rows.uuid(rs, "delivery_id"),
                Rows.enumOf(rs, "channel", MessageChannel.class), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                json.readValue(rs.getString("headers"), HEADERS), Rows.instant(rs, "created_at"));
    }
}
