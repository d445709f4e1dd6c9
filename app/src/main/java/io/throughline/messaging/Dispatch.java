package io.throughline.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to send a message to a customer, with the channel left to the choice when it is null.
 *
 * @param channel    the fixed channel, or null for the best consented channel
 * @param quietHours what to do when the moment falls in the customer's quiet hours
 * @param data       what the templates may use beyond the customer's traits, e.g. {@code {"cart": {…}}}
 * @param location   the shop channel key whose associates get a task; tasks only
 * @param origin     who asks, for the reasons, the caps and the log, e.g. {@code journey:abandoned-cart:v2:remind}
 * @param at         the moment of the send: now, or a simulated moment in a dry run
 * @param key        the caller's idempotency key: a second dispatch of a key answers the first one's decision
 *                   and sends nothing, e.g. {@code journey-send:<instance>:<stage>:<step>}; null for none
 */
public record Dispatch(UUID messageId, UUID profileId, @Nullable MessageChannel channel, QuietHours quietHours,
        Map<String, Object> data, @Nullable String location, String origin, Instant at, @Nullable String key) {

    public Dispatch {
        data = Map.copyOf(data);
    }

    /** A dispatch without an idempotency key. */
    public Dispatch(UUID messageId, UUID profileId, @Nullable MessageChannel channel, QuietHours quietHours,
            Map<String, Object> data, @Nullable String location, String origin, Instant at) {
        this(messageId, profileId, channel, quietHours, data, location, origin, at, null);
    }

    /** What a send that falls in quiet hours becomes. */
    public enum QuietHours {
        /** Held until the customer's quiet hours end. */
        HOLD,
        /** Not sent at all. */
        DROP
    }
}
