package io.throughline.orders;

/**
 * Where an order is. Shipments move on their own (one per location the order is fulfilled from); the order's
 * state follows from them, and from cancellation and returns. Which moves are allowed is the orders module's
 * transition policy; a refused move is a conflict naming the state.
 */
public enum OrderState {
    /** Paid (or to be paid at pickup), stock allocated, nothing handed over yet. */
    PLACED,
    /** Some shipments shipped or collected, others not yet. */
    PARTIALLY_FULFILLED,
    /** Every shipment of a click &amp; collect order waits at the shop. */
    READY_FOR_PICKUP,
    /** Every shipment is on its way. */
    SHIPPED,
    /** Collected at the shop (or handed over at the till). */
    PICKED_UP,
    DELIVERED,
    /** Cancelled before anything was handed over: stock released, payment voided or refunded. */
    CANCELLED,
    /** Some of what was sold came back. */
    PARTIALLY_RETURNED,
    /** Everything that was sold came back. */
    RETURNED;

    /** Whether an order in this state can still be cancelled: nothing of it has been handed over. */
    public boolean cancellable() {
        return this == PLACED || this == READY_FOR_PICKUP;
    }
}
