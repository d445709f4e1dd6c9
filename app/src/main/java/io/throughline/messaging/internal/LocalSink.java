package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps what a channel without a configured server or provider would have sent, for the console to show. */
@Component
class LocalSink {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LocalSink(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    ChannelAdapter.Result keep(UUID deliveryId, MessageChannel channel, String recipient, @Nullable String subject,
            @Nullable String text, @Nullable String html, Map<String, String> headers) {
        jdbc.sql("""
                INSERT INTO messaging.sink_message
                    (id, delivery_id, channel, recipient, subject, text_body, html_body, headers, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(Ids.newId(clock), deliveryId, channel.name(), recipient, subject, text, html,
                        json.writeValueAsString(headers), Rows.timestamp(clock.instant()))
                .update();
        return new ChannelAdapter.Result.Sent("local sink");
    }
}
