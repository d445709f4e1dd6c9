package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In-app cards: stored as unread for the customer and pushed to her open streams at once. */
@Component
final class InAppAdapter implements ChannelAdapter {

    private final JdbcClient jdbc;
    private final InAppStreams streams;
    private final Clock clock;

    InAppAdapter(JdbcClient jdbc, InAppStreams streams, Clock clock) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.IN_APP;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        Variant.InApp content = (Variant.InApp) outgoing.content();
        Instant now = clock.instant();
        InAppCard card = new InAppCard(Ids.newId(clock), outgoing.deliveryId(), outgoing.profileId(),
                content.title(), content.body(), content.link(), now, null);
        jdbc.sql("""
                INSERT INTO messaging.in_app_card (id, delivery_id, profile_id, title, body, link, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(card.id(), card.deliveryId(), card.profileId(), card.title(), card.body(), card.link(),
                        Rows.timestamp(now))
                .update();
        streams.publish(card);
        return new Result.Delivered();
    }
}
