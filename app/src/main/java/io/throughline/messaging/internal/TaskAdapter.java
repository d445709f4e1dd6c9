package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A task on the associate list of the shop the send names. */
@Component
final class TaskAdapter implements ChannelAdapter {

    private final JdbcClient jdbc;
    private final Clock clock;

    TaskAdapter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.TASK;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        Variant.Task task = (Variant.Task) outgoing.content();
        jdbc.sql("""
                INSERT INTO messaging.associate_task (id, delivery_id, profile_id, location, title, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), outgoing.deliveryId(), outgoing.profileId(),
                        Objects.requireNonNull(outgoing.location()), task.title(), task.body(),
                        Rows.timestamp(clock.instant()))
                .update();
        return new Result.Delivered();
    }
}
