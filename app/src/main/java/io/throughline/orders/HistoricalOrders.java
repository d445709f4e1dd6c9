package io.throughline.orders;

import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.List;
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

    /**
     * Records an order sold elsewhere, at its own prices, without cart, stock or payment (those happened in the
     * other system): the order with its lines and history, {@link OrderPlaced} and "Order Completed" at its time,
     * all in the caller's transaction. Idempotent by the order's number: a number already recorded writes nothing.
     */
    Recorded record(HistoricalOrder order);

    /**
     * Takes back what a return or cancellation document names from the customer's latest earlier orders that
     * sold each SKU, noting the returned quantity on their lines and appending "Product Returned" for each, in the
     * caller's transaction. A guest's return, or units no earlier order has left to take back, are not taken.
     *
     * @return per line of the document, in order, how many units were taken back
     */
    List<Integer> recordReturn(HistoricalReturn returned);

    /** What recording an order did: the order's id, and whether it was new (false: the number was recorded). */
    record Recorded(UUID orderId, boolean created) {}
}
