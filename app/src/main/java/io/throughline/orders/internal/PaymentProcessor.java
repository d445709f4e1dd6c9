package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import io.throughline.platform.Money;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The payments port: one adapter per way of paying (a card processor, the till, pay at pickup). Every
 * operation names the payment by the reference the orders module gives it, so that asking twice — after a
 * timeout or a restart — has the effect of once.
 */
interface PaymentProcessor {

    /** The methods this adapter takes. */
    Set<PaymentMethod> methods();

    /**
     * Refuses, before anything is asked of anyone, a card this processor would never take, so that the shopper can
     * correct it; by default every card that passed the checkout's own checks is tried.
     *
     * @param cardNumber the card's digits, or null when the method takes none
     */
    default void check(@Nullable String cardNumber) {}

    /** Asks for the amount; nothing is taken until it is captured. */
    Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel);

    /**
     * Asks for the amount on behalf of a known customer: a tender held by the customer rather than presented with
     * the payment (loyalty points) needs to know whose it is; the others ignore her.
     */
    default Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel, @Nullable UUID profileId) {
        return authorise(reference, method, amount, cardNumber, channel);
    }

    /** Takes the authorised amount. */
    void capture(String reference, Money amount);

    /** Gives an authorisation back without taking anything; voiding what was never authorised does nothing. */
    void voidAuthorisation(String reference);

    /** Pays back part or all of what was captured; the refund reference makes each refund happen once. */
    void refund(String reference, String refundReference, Money amount);

    /** What the processor said to an authorisation. */
    sealed interface Outcome {
        record Approved(String processorReference) implements Outcome {}

        record Declined(String reason) implements Outcome {}

        /** The processor could not answer; nothing was taken. */
        record Failed(String reason) implements Outcome {}
    }
}
