package io.throughline.orders;

/** Where the part of an order fulfilled from one location is. */
public enum ShipmentState {
    /** Stock allocated at the location; to be picked. */
    ALLOCATED,
    READY_FOR_PICKUP,
    SHIPPED,
    PICKED_UP,
    DELIVERED,
    CANCELLED
}
