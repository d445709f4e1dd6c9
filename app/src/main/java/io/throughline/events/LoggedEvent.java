package io.throughline.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as stored in the log, at position {@code seq}. For a processor, {@code payload} is {@code "{}"} when
 * the event is of a kind whose JSON it does not read (see {@link EventProcessor#payloadTypes()}).
 */
public record LoggedEvent(long seq, UUID profileId, UUID sourceId, String channel, String messageId, EventType type,
        @Nullable String name, Instant occurredAt, Instant receivedAt, String payload) {

    /** The source of the events the platform writes itself, such as "Profiles Merged". */
    public static final UUID PLATFORM_SOURCE = new UUID(0, 0);

    /** Written by the platform itself rather than sent by a channel: only such events are trusted as facts. */
    public boolean fromPlatform() {
        return PLATFORM_SOURCE.equals(sourceId);
    }

    /** "Order Completed" for a track call, "page", "identify"… for the others. */
    public String label() {
        return name != null ? name : type.wireName();
    }
}
