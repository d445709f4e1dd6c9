package io.throughline.inventory;

/** Why on-hand changed. A transfer is two movements, one at each location, recorded together. */
public enum MovementKind {
    RECEIPT,
    SALE,
    RETURN,
    ADJUSTMENT,
    TRANSFER_OUT,
    TRANSFER_IN,
    /** A stock count: the difference between the counted and the recorded on-hand. */
    COUNT
}
