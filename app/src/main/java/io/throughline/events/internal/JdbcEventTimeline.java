package io.throughline.events.internal;

import io.throughline.events.EventTimeline;
import io.throughline.events.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcEventTimeline implements EventTimeline {

    private final JdbcClient jdbc;

    JdbcEventTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LoggedEvent> page(UUID profileId, @Nullable Long beforeSeq, int limit, @Nullable String channel,
            @Nullable String label) {
        StringBuilder sql = new StringBuilder("""
                SELECT seq, profile_id, source_id, channel, message_id, type, name, occurred_at, received_at,
                       payload::text AS payload
                FROM events.event WHERE profile_id = ?""");
        List<Object> params = new ArrayList<>(List.of(profileId));
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        if (channel != null) {
            sql.append(" AND channel = ?");
            params.add(channel);
        }
        if (label != null) {
            sql.append(" AND coalesce(name, lower(type)) = ?");
            params.add(label);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ProcessorRunner::event).list();
    }
}
