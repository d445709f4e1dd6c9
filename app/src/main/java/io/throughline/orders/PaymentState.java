package io.throughline.orders;

/** Where a payment is with its processor. */
public enum PaymentState {
    /** Pay at pickup: nothing asked of a processor until the customer collects. */
    PENDING,
    /** Asked for; the outcome is not recorded yet (reconciliation voids it if the checkout never finished). */
    AUTHORISING,
    AUTHORISED,
    DECLINED,
    /** The processor failed; nothing was taken. */
    FAILED,
    CAPTURED,
    /** An authorisation given back without taking the money. */
    VOIDED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
