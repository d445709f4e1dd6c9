package io.throughline.orders.internal;

import io.throughline.platform.InvalidRequestException;
import java.util.Map;

/**
 * The test card processor's cards and what each one does, like a provider's sandbox: the outcome follows from
 * the number, so tests and demos can choose it.
 */
final class TestCards {

    enum Outcome { APPROVE, DECLINE, PROCESSING_ERROR, SLOW_APPROVE }

    static final Map<String, Outcome> CARDS = Map.of(
            "4242424242424242", Outcome.APPROVE,
            "5555555555554444", Outcome.APPROVE,
            "4000000000000002", Outcome.DECLINE,
            "4000000000000119", Outcome.PROCESSING_ERROR,
            "4000000000000259", Outcome.SLOW_APPROVE);

    private TestCards() {}

    /** The outcome of the card; a number that is not a test card is refused, naming the ones there are. */
    static Outcome outcome(String digits) {
        Outcome outcome = CARDS.get(digits);
        if (outcome == null) {
            throw new InvalidRequestException("payment.cardNumber", "is not a test card; use 4242424242424242 "
                    + "(approve), 4000000000000002 (decline), 4000000000000119 (processing error) or "
                    + "4000000000000259 (slow, then approve)");
        }
        return outcome;
    }
}
