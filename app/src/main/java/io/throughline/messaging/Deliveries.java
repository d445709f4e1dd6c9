package io.throughline.messaging;

import io.throughline.platform.Keyset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of the messages sent to customers. Every send is recorded, a refused one with its reason, and the
 * customer's event log gets the matching "Message Sent", "Message Delivered", … events on the {@code messaging}
 * channel. Sends themselves go through {@link ChannelChoices}, or the management API's send of one message.
 */
public interface Deliveries {

    Delivery get(UUID id);

    /**
     * The customer's deliveries, newest first, {@code size} of them from just after the cursor (from the newest
     * when it is null); paged by key, as the list grows with every send.
     */
    Keyset.Slice<Delivery> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size);

    /** A provider's report on a delivery: delivered, or bounced with a reason. */
    Delivery report(UUID deliveryId, DeliveryStatus status, @Nullable String reason);
}
