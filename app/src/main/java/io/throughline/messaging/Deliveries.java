package io.throughline.messaging;

import io.throughline.platform.Keyset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sending messages and following what became of them. Every send is recorded, a refused one with its reason,
 * and the customer's event log gets the matching {@link MessageEvents events}.
 */
public interface Deliveries {

    /**
     * Sends the message unless a rule forbids it: a marketing message needs the customer's marketing consent
     * on the channel, and the channel needs an address (email, phone) or a location (task).
     *
     * @return the delivery, {@link DeliveryStatus#REFUSED} with the reason when it was not sent
     */
    Delivery send(SendRequest request);

    Delivery get(UUID id);

    /**
     * The customer's deliveries, newest first, {@code size} of them from just after the cursor (from the newest
     * when it is null); paged by key, as the list grows with every send.
     */
    Keyset.Slice<Delivery> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size);

    /** A provider's report on a delivery: delivered, or bounced with a reason. */
    Delivery report(UUID deliveryId, DeliveryStatus status, @Nullable String reason);
}
