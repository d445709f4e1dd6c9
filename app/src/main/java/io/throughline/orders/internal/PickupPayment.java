package io.throughline.orders.internal;

import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The money of an order paid at pickup is taken across the counter before the goods are: the hand-over says how
 * it was taken, and an order paid already takes no money at all (nothing is charged twice).
 */
final class PickupPayment {

    private PickupPayment() {}

    /**
     * Refuses a hand-over that does not say how the money still owed was taken, or that says so of an order paid
     * already.
     *
     * @param toTake the order's pay-at-pickup payments still pending
     */
    static void check(String orderNumber, List<Payment> toTake, @Nullable PaymentMethod paidWith) {
        if (toTake.isEmpty()) {
            if (paidWith != null) {
                throw new ConflictException("paidWith", "Order " + orderNumber
                        + " is paid already; hand it over without taking money");
            }
            return;
        }
        Money owed = toTake.stream().map(Payment::amount).reduce(Money::plus).orElseThrow();
        if (paidWith == null) {
            throw new ConflictException("paidWith", "Order " + orderNumber + " is to be paid at pickup: take "
                    + owed.amount().toPlainString() + " " + owed.currency()
                    + " in cash or by card, then hand it over saying how (CASH or CARD_PRESENT)");
        }
        if (paidWith != PaymentMethod.CASH && paidWith != PaymentMethod.CARD_PRESENT) {
            throw new InvalidRequestException("paidWith", "must be CASH or CARD_PRESENT: the money is taken at the "
                    + "counter");
        }
    }

    /** The payment's reference once taken: the tender and the till that took it. */
    static String reference(@Nullable PaymentMethod paidWith, String channel) {
        return (paidWith == PaymentMethod.CASH ? "cash_" : "terminal_") + channel;
    }
}
