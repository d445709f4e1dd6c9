package io.throughline.inventory;

/** HELD and ALLOCATED count against availability (HELD only until it expires); the others are final. */
public enum ReservationState {
    /** A cart's hold, with an expiry. */
    HELD,
    /** An order's allocation: no expiry, released or fulfilled explicitly. */
    ALLOCATED,
    RELEASED,
    EXPIRED,
    /** Sold: the stock left with a SALE movement. */
    FULFILLED;

    public boolean active() {
        return this == HELD || this == ALLOCATED;
    }
}
