package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The port through which a rendered message leaves the platform, one adapter per channel. Adapters report
 * failure as a result rather than an exception, so every attempt is recorded with its reason.
 */
sealed interface ChannelAdapter permits EmailAdapter, SmsAdapter, PushAdapter, InAppAdapter, TaskAdapter {

    MessageChannel channel();

    Result deliver(Outgoing outgoing);

    /**
     * A rendered message on its way out.
     *
     * @param recipient the email address or phone number; the profile id for push, in-app and task
     * @param headers   extra email headers, e.g. {@code List-Unsubscribe}
     * @param settings  the channel settings in force for this send (server, provider, sender)
     */
    record Outgoing(UUID deliveryId, UUID profileId, Variant content, String recipient, @Nullable String location,
            Map<String, String> headers, ChannelSettings.Values settings) {}

    /** What became of the hand-over. */
    sealed interface Result {

        /** Handed to a server or provider, or kept by the local sink; delivery is not yet known. */
        record Sent(String via) implements Result {}

        /** Stored where the customer or associate reads it: delivered at once. */
        record Delivered() implements Result {}

        record Failed(String reason) implements Result {}
    }
}
