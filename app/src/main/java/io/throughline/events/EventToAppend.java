package io.throughline.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event on its way into the log.
 *
 * @param sourceId    the source that sent it; with the message id, what makes a retry recognisable
 * @param channel     the channel it happened in, e.g. {@code web} or {@code shop-budapest}
 * @param occurredAt  when it happened, corrected for the client's clock skew
 * @param identifiers how it names the customer; resolved to a profile at append
 * @param profileId   the profile, when the appender already knows it (commerce modules); skips resolution
 * @param payload     the event as JSON, Segment-shaped
 */
public record EventToAppend(UUID sourceId, String channel, String messageId, EventType type, @Nullable String name,
        Instant occurredAt, Instant receivedAt, List<Identifier> identifiers, @Nullable UUID profileId,
        String payload) {

    public EventToAppend {
        identifiers = List.copyOf(identifiers);
    }

    /** Bytes this event holds while queued, for the log's memory bound. */
    public int weight() {
        return payload.length() * 2 + 256;
    }
}
