package io.throughline.orders;

import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Orders from before the platform ran, imported through the same steps as today's at the times they happened:
 * each step is recorded at the time given — placed, shipped, collected, refunded, and their customer events —
 * instead of now. Stock, carts and prices are still today's: only the orders' own records are dated. For a brand
 * importing its earlier orders, and for the demo brand's order history. Every time must be in the past.
 */
public interface HistoricalOrders {

    /** {@link Orders#checkout}, placed at the time. */
    Orders.Placed checkout(Instant at, CheckoutRequest request, Channel channel, @Nullable UUID profileId,
            String idempotencyKey);

    /** {@link Fulfilments#readyForPickup}, at the time. */
    Order readyForPickup(Instant at, UUID orderId, UUID locationId);

    /** {@link Fulfilments#pickUp}, at the time. */
    Order pickUp(Instant at, UUID orderId, UUID locationId, String pickupCode, String channel,
            @Nullable PaymentMethod paidWith);

    /** {@link Fulfilments#ship}, at the time. */
    Order ship(Instant at, UUID orderId, UUID locationId, String trackingNumber);

    /** {@link Fulfilments#delivered}, at the time. */
    Order delivered(Instant at, UUID orderId, UUID locationId);

    /** {@link Returns#accept}, at the time. */
    OrderReturn acceptReturn(Instant at, UUID orderId, ReturnRequest request, Channel channel);
}
