package io.throughline.orders.internal;

/** Where a checkout is: claimed and under way, or finished with an order or a refusal. */
enum CheckoutState {
    STARTED,
    PLACED,
    REFUSED
}
