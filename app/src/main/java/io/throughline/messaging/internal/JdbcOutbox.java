package io.throughline.messaging.internal;

import io.throughline.messaging.AssociateTask;
import io.throughline.messaging.InAppCard;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Outbox;
import io.throughline.messaging.SinkMessage;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

@Service
class JdbcOutbox implements Outbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<InAppCard> unreadCards(UUID profileId) {
        return jdbc.sql("""
                SELECT * FROM messaging.in_app_card WHERE profile_id = ? AND read_at IS NULL
                ORDER BY created_at DESC LIMIT 100""").param(profileId).query(JdbcOutbox::card).list();
    }

    @Override
    public void markRead(UUID cardId) {
        int updated = jdbc.sql("UPDATE messaging.in_app_card SET read_at = coalesce(read_at, ?) WHERE id = ?")
                .params(Timestamp.from(clock.instant()), cardId).update();
        if (updated == 0) {
            throw new NotFoundException("in-app card", cardId);
        }
    }

    @Override
    public Page<AssociateTask> openTasks(String location, PageRequest pageRequest) {
        List<AssociateTask> items = jdbc.sql("""
                SELECT * FROM messaging.associate_task WHERE location = ? AND done_at IS NULL
                ORDER BY created_at, id LIMIT ? OFFSET ?""")
                .params(location, pageRequest.size(), pageRequest.offset()).query(JdbcOutbox::task).list();
        long total = jdbc.sql("SELECT count(*) FROM messaging.associate_task WHERE location = ? AND done_at IS NULL")
                .param(location).query(Long.class).single();
        return new Page<>(items, pageRequest.page(), pageRequest.size(), total);
    }

    @Override
    public void completeTask(UUID taskId) {
        int updated = jdbc.sql("UPDATE messaging.associate_task SET done_at = coalesce(done_at, ?) WHERE id = ?")
                .params(Timestamp.from(clock.instant()), taskId).update();
        if (updated == 0) {
            throw new NotFoundException("task", taskId);
        }
    }

    @Override
    public Page<SinkMessage> sink(@Nullable MessageChannel channel, PageRequest pageRequest) {
        String key = channel == null ? null : channel.key();
        List<SinkMessage> items = jdbc.sql("""
                SELECT * FROM messaging.sink_message WHERE (?::text IS NULL OR channel = ?)
                ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(key, key, pageRequest.size(), pageRequest.offset()).query(this::sinkMessage).list();
        long total = jdbc.sql("SELECT count(*) FROM messaging.sink_message WHERE (?::text IS NULL OR channel = ?)")
                .params(key, key).query(Long.class).single();
        return new Page<>(items, pageRequest.page(), pageRequest.size(), total);
    }

    private static InAppCard card(ResultSet rs, int row) throws SQLException {
        return new InAppCard(rs.getObject("id", UUID.class), rs.getObject("delivery_id", UUID.class),
                rs.getObject("profile_id", UUID.class), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"));
    }

    private static AssociateTask task(ResultSet rs, int row) throws SQLException {
        return new AssociateTask(rs.getObject("id", UUID.class), rs.getObject("delivery_id", UUID.class),
                rs.getObject("profile_id", UUID.class), rs.getString("location"), rs.getString("title"),
                rs.getString("body"), instant(rs, "created_at"), instant(rs, "done_at"));
    }

    private SinkMessage sinkMessage(ResultSet rs, int row) throws SQLException {
        return new SinkMessage(rs.getObject("id", UUID.class), rs.getObject("delivery_id", UUID.class),
                MessageChannel.of(rs.getString("channel")).orElseThrow(), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                json.readValue(rs.getString("headers"), HEADERS), instant(rs, "created_at"));
    }

    @SuppressWarnings("NullAway")
    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
