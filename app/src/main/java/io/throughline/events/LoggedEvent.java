package io.throughline.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An event as stored in the log, at position {@code seq}. */
public record LoggedEvent(long seq, UUID profileId, UUID sourceId, String channel, String messageId, EventType type,
        @Nullable String name, Instant occurredAt, Instant receivedAt, String payload) {

    /** "Order Completed" for a track call, "page", "identify"… for the others. */
    public String label() {
        return name != null ? name : type.wireName();
    }
}
