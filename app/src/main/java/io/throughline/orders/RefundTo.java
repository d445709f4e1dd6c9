package io.throughline.orders;

/** Where a return's money goes. */
public enum RefundTo {
    /** Back to the payment the order was paid with (cash back in cash at the till). */
    ORIGINAL_PAYMENT,
    /** To the customer's store credit balance, spendable in any channel. */
    STORE_CREDIT,
    /**
     * Paid out in cash from the till of the shop that takes the goods back, whatever she paid with (a shop's
     * channel only); the order's payment stays as it was.
     */
    CASH
}
