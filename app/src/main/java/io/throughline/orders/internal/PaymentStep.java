package io.throughline.orders.internal;

import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.platform.Channel;
import io.throughline.platform.CheckoutRefused;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment of a checkout with its processor, never inside a database transaction: the payment recorded before it
 * is asked for (so that reconciliation finds it after a crash), the authorisation, its voiding when the order cannot
 * be placed, and the capture once it is.
 */
@Component
class PaymentStep {

    private static final Logger log = LoggerFactory.getLogger(PaymentStep.class);

    private final PaymentProcessors processors;
    private final PaymentStore payments;

    PaymentStep(PaymentProcessors processors, PaymentStore payments) {
        this.processors = processors;
        this.payments = payments;
    }

    /** Refuses a card the method's processor would never take, before anything is written or asked. */
    void check(PaymentMethod method, @Nullable String card) {
        processors.of(method).check(card);
    }

    /** The payment about to be asked for, recorded with its checkout (inside the preparing transaction). */
    Payment record(UUID checkoutId, PaymentMethod method, Money amount, @Nullable String card, Clock clock,
            Instant now) {
        boolean atPickup = method == PaymentMethod.PAY_AT_PICKUP;
        Payment payment = new Payment(Ids.newId(clock), method,
                atPickup ? PaymentState.PENDING : PaymentState.AUTHORISING, amount, Money.zero(amount.currency()),
                null, card == null ? null : CheckoutPolicy.last4(card), null, now, now);
        payments.insert(new PaymentRow(payment, checkoutId, null));
        return payment;
    }

    /**
     * The processor's answer: the authorisation's reference, or the refusal to keep with the checkout after the
     * payment's state was recorded (the caller records it in the same transaction as the refusal).
     */
    Authorisation authorise(Payment payment, @Nullable String card, Channel channel, @Nullable UUID profileId) {
        PaymentProcessor.Outcome outcome;
        try {
            outcome = processors.of(payment.method()).authorise(payment.id().toString(), payment.method(),
                    payment.amount(), card, channel.key(), profileId);
        } catch (RuntimeException failed) {
            log.warn("The {} processor failed to answer an authorisation: {}", payment.method(), failed.toString());
            outcome = new PaymentProcessor.Outcome.Failed("The payment processor did not answer; nothing was taken");
        }
        return switch (outcome) {
            case PaymentProcessor.Outcome.Approved approved -> new Authorisation.Approved(approved.processorReference());
            case PaymentProcessor.Outcome.Declined declined -> new Authorisation.Refused(PaymentState.DECLINED,
                    declined.reason(), new CheckoutRefused(CheckoutRefused.Reason.PAYMENT_DECLINED, "payment",
                            declined.reason()));
            case PaymentProcessor.Outcome.Failed failed -> new Authorisation.Refused(PaymentState.FAILED,
                    failed.reason(), new CheckoutRefused(CheckoutRefused.Reason.PAYMENT_FAILED, "payment",
                            failed.reason()));
        };
    }

    /** Records a payment's end without an order (inside the caller's transaction). */
    void ended(UUID paymentId, PaymentState state, @Nullable String processorReference, @Nullable String reason,
            Instant now) {
        payments.state(paymentId, state, processorReference, reason, now);
    }

    /** Gives an authorisation back at the processor; voiding what was never authorised does nothing. */
    void voidAuthorisation(Payment payment) {
        processors.of(payment.method()).voidAuthorisation(payment.id().toString());
    }

    /** When the payment was recorded as captured, or null when capturing failed (reconciliation retries it). */
    @Nullable Instant capture(Payment payment, Clock clock) {
        try {
            processors.of(payment.method()).capture(payment.id().toString(), payment.amount());
            Instant now = Checkouts.storedNow(clock);
            payments.state(payment.id(), PaymentState.CAPTURED, null, null, now);
            return now;
        } catch (RuntimeException failed) {
            // The order stands on its authorisation; reconciliation captures it later.
            log.warn("Capturing a payment failed; reconciliation will retry: {}", failed.toString());
            return null;
        }
    }

    /** What the processor said, as the checkout acts on it. */
    sealed interface Authorisation {

        record Approved(String processorReference) implements Authorisation {}

        /** @param state DECLINED or FAILED */
        record Refused(PaymentState state, String reason, CheckoutRefused refusal) implements Authorisation {}
    }
}
