package io.throughline.orders;

/** How an order is paid. */
public enum PaymentMethod {
    /** A card number entered online, sent to the card processor. */
    CARD,
    /** A card on the till's terminal; only in a shop channel. */
    CARD_PRESENT,
    /** Cash at the till; only in a shop channel. */
    CASH,
    /** Paid when the customer collects the order; only for click &amp; collect. */
    PAY_AT_PICKUP,
    /** The customer's loyalty points, in any channel; needs the customer's profile. */
    POINTS
}
