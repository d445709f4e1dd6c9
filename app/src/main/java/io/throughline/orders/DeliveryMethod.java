package io.throughline.orders;

/** How the goods reach the customer. */
public enum DeliveryMethod {
    /** Shipped to her address from wherever the cart's stock is held. */
    HOME_DELIVERY,
    /** Click &amp; collect: picked up at the shop the cart chose, where its stock is held. */
    PICKUP,
    /** Shipped to her address from shops offering ship-from-store, nearest with stock first. */
    SHIP_FROM_STORE,
    /** A till sale: handed over across the counter of the selling shop at checkout. */
    COUNTER
}
