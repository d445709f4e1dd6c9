package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentProcessor;
import io.throughline.platform.Money;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Cash and the card terminal at a shop's till. The associate takes the cash, or the terminal the card, before
 * the till checks out, so there is nothing to ask and nothing to capture later; a card number the terminal
 * reports is checked against the test cards, so a declined card at the till can be tried too.
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
        if (method == PaymentMethod.CARD_PRESENT && cardNumber != null
                && TestCards.outcome(cardNumber) == TestCards.Outcome.DECLINE) {
            return new Outcome.Declined("The terminal declined the card");
        }
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
