package io.throughline.orders;

/** Where a return's money goes. */
public enum RefundTo {
    /** Back to the payment the order was paid with (cash back in cash at the till). */
    ORIGINAL_PAYMENT,
    /** To the customer's store credit balance, spendable in any channel. */
    STORE_CREDIT
}
