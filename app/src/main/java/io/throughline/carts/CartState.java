package io.throughline.carts;

/** Where a cart is in its life; only an OPEN cart can change. */
public enum CartState {
    OPEN,
    /** Folded into the customer's cart on sign-in; {@code mergedInto} names the surviving cart. */
    MERGED,
    /** Turned into an order; its holds now belong to the order. */
    CHECKED_OUT,
    /** Closed by the channel or abandoned; its holds are released. */
    CLOSED
}
