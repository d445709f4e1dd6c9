package io.throughline.inventory;

/** What a stock location is: a warehouse ships, a shop sells over the counter and may also hand out or ship. */
public enum LocationKind {
    WAREHOUSE,
    SHOP
}
