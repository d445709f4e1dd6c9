package io.throughline.pricing;

/** The one quote every channel asks for, and its redemption at checkout. */
public interface Pricing {

    /** Prices the cart; uses nothing up. */
    Quote quote(QuoteRequest request);

    /**
     * Prices the cart again and uses up its coupons and the promotions' budgets and per-customer allowances,
     * atomically: all or nothing. A second call with the same reference returns the first redemption.
     */
    Redemption redeem(RedemptionRequest request);
}
