package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import io.throughline.platform.Money;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Cash and the card terminal at a shop's till. The associate takes the cash, or the terminal the card, before
 * the till checks out — a card the terminal declines never reaches the checkout — so there is nothing to ask and
 * nothing to capture later.
 */
@Component
class TillPayments implements PaymentProcessor {

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.CASH, PaymentMethod.CARD_PRESENT);
    }

    @Override
    public Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel) {
        return new Outcome.Approved((method == PaymentMethod.CASH ? "cash_" : "terminal_") + channel + "_" + reference);
    }

    @Override
    public void capture(String reference, Money amount) {
        // Taken at the counter already.
    }

    @Override
    public void voidAuthorisation(String reference) {
        // The associate hands the cash back, or the terminal reverses; nothing is kept here.
    }

    @Override
    public void refund(String reference, String refundReference, Money amount) {
        // Paid out at the counter.
    }
}
