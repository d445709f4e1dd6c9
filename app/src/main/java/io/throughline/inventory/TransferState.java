package io.throughline.inventory;

/** Where a transfer between two locations stands. */
public enum TransferState {
    /** Dispatched: out of the sending location's stock, not yet in the receiving one's. */
    IN_TRANSIT,
    /** Received: in the receiving location's stock. */
    RECEIVED
}
