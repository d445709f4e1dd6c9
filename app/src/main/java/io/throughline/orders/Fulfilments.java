package io.throughline.orders;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The work of a location: picking, handing over at the counter, shipping. Each step moves one shipment and
 * is refused with a conflict naming its state when the shipment is not where the step starts.
 */
public interface Fulfilments {

    /** What to pick at the location: every allocated, not yet handed-over unit, oldest order first. */
    List<PickListEntry> pickList(UUID locationId);

    /** The click &amp; collect shipment at the location is ready: a pickup code is issued and the customer told. */
    Order readyForPickup(UUID orderId, UUID locationId);

    /**
     * The customer collected it, showing the pickup code. An order to be paid at pickup is handed over only once
     * the associate has taken the money and says how; its payment is captured then. Without {@code paidWith} it is
     * refused as a conflict on {@code paidWith} naming the amount, so that no payment is captured unasked.
     *
     * @param paidWith how the money was taken at the counter ({@link PaymentMethod#CASH} or
     *                 {@link PaymentMethod#CARD_PRESENT}); null for an order paid already
     */
    Order pickUp(UUID orderId, UUID locationId, String pickupCode, String channel, @Nullable PaymentMethod paidWith);

    /** The shipment from the location left with the carrier under the tracking number; its stock is sold. */
    Order ship(UUID orderId, UUID locationId, String trackingNumber);

    Order delivered(UUID orderId, UUID locationId);

    /** Orders waiting at the location for their customers, the longest waiting first. */
    Page<OrderSummary> pickupsDue(UUID locationId, PageRequest page);

    /** One SKU of one order to pick at a location. */
    record PickListEntry(UUID orderId, String orderNumber, UUID shipmentId, DeliveryMethod delivery, String sku,
            String name, int quantity, @Nullable UUID profileId, java.time.Instant placedAt) {}
}
