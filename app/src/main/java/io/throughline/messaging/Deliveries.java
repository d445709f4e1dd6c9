package io.throughline.messaging;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
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

    /** The customer's deliveries, newest first. */
    Page<Delivery> forProfile(UUID profileId, PageRequest pageRequest);

    /** A provider's report on a delivery: delivered, or bounced with a reason. */
    Delivery report(UUID deliveryId, DeliveryStatus status, @Nullable String reason);
}
