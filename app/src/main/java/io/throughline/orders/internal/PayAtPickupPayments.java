package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import io.throughline.platform.Money;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Click &amp; collect paid at the counter on collection: nothing is asked at checkout; the till takes it later. */
@Component
class PayAtPickupPayments implements PaymentProcessor {

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.PAY_AT_PICKUP);
    }

    @Override
    public Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel) {
        return new Outcome.Approved("pickup_" + reference);
    }

    @Override
    public void capture(String reference, Money amount) {
        // Taken by the till at pickup.
    }

    @Override
    public void voidAuthorisation(String reference) {
        // Nothing was asked for.
    }

    @Override
    public void refund(String reference, String refundReference, Money amount) {
        // Paid out at the counter.
    }
}
