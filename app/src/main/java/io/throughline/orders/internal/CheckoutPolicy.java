package io.throughline.orders.internal;

import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.PaymentMethod;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which ways of paying and of getting the goods a channel may use: cash, the card terminal and the counter only
 * at a shop's till; pay at pickup only for click &amp; collect; an address for everything that is shipped; a card
 * number for an online card payment; a split payment only at the till, in the till's tenders.
 */
final class CheckoutPolicy {

    private CheckoutPolicy() {}

    /** Refuses a request the channel cannot make; returns the card number normalised (digits only), if any. */
    static @Nullable String check(CheckoutRequest request, boolean shopChannel) {
        PaymentMethod method = request.payment().method();
        DeliveryMethod delivery = request.delivery();
        if ((method == PaymentMethod.CASH || method == PaymentMethod.CARD_PRESENT) && !shopChannel) {
            throw new InvalidRequestException("payment.method", method + " is only taken at a shop's till");
        }
        if (delivery == DeliveryMethod.COUNTER && !shopChannel) {
            throw new InvalidRequestException("delivery", "COUNTER is a till sale; the channel is not a shop");
        }
        if (method == PaymentMethod.PAY_AT_PICKUP && delivery != DeliveryMethod.PICKUP) {
            throw new InvalidRequestException("payment.method", "PAY_AT_PICKUP is only for click & collect (PICKUP)");
        }
        boolean shipped = delivery == DeliveryMethod.HOME_DELIVERY || delivery == DeliveryMethod.SHIP_FROM_STORE;
        if (shipped && request.address() == null) {
            throw new InvalidRequestException("address", "is required for " + delivery);
        }
        checkParts(request.payment());
        String card = request.payment().cardNumber();
        if (method == PaymentMethod.CARD && (card == null || card.isBlank())) {
            throw new InvalidRequestException("payment.cardNumber", "is required for a CARD payment");
        }
        return card == null || card.isBlank() ? null : cardNumber(card);
    }

    /**
     * A split payment is the till's: each part and the remainder in cash or on the terminal, so that nothing is
     * asked of an online processor for a part of a sale (the channel rule above keeps both to a shop's till).
     */
    private static void checkParts(CheckoutRequest.PaymentDetails payment) {
        if (payment.partsOrNone().isEmpty()) {
            return;
        }
        if (!tillTender(payment.method())) {
            throw new InvalidRequestException("payment.method", payment.method()
                    + " cannot take the rest of a split payment; split between CASH and CARD_PRESENT at a till");
        }
        for (int i = 0; i < payment.partsOrNone().size(); i++) {
            CheckoutRequest.Part part = payment.partsOrNone().get(i);
            // Points are the customer's own and spent at once, so a till may take them as a part too.
            if (!tillTender(part.method()) && part.method() != PaymentMethod.POINTS) {
                throw new InvalidRequestException("payment.parts[" + i + "].method", part.method()
                        + " cannot be part of a split payment; split between CASH, CARD_PRESENT and POINTS at a till");
            }
        }
    }

    private static boolean tillTender(PaymentMethod method) {
        return method == PaymentMethod.CASH || method == PaymentMethod.CARD_PRESENT;
    }

    /**
     * The amount of each payment of the checkout, in the order they are taken: the parts, then the remainder with
     * the request's method. Refuses parts that leave nothing to the remainder.
     */
    static List<Tender> tenders(CheckoutRequest.PaymentDetails payment, Money total) {
        List<Tender> tenders = new ArrayList<>();
        long parts = 0;
        for (CheckoutRequest.Part part : payment.partsOrNone()) {
            parts = Math.addExact(parts, part.amountMinor());
            tenders.add(new Tender(part.method(), new Money(part.amountMinor(),
                    total.currency())));
        }
        if (parts >= total.minor() && !tenders.isEmpty()) {
            throw new InvalidRequestException("payment.parts", "the parts add up to "
                    + new Money(parts, total.currency()).amount() + " " + total.currency()
                    + ", which leaves nothing of the total " + total.amount() + " for " + payment.method()
                    + "; take less in the parts, or pay the whole with one method");
        }
        tenders.add(new Tender(payment.method(), new Money(total.minor() - parts,
                total.currency())));
        return tenders;
    }

    /** One payment of a checkout: its method and the amount it takes. */
    record Tender(PaymentMethod method, Money amount) {}

    /** The digits of a card number that passes the Luhn check. */
    static String cardNumber(String entered) {
        String digits = entered.replace(" ", "");
        if (!digits.matches("[0-9]{12,19}")) {
            throw new InvalidRequestException("payment.cardNumber", "must be 12 to 19 digits");
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        if (sum % 10 != 0) {
            throw new InvalidRequestException("payment.cardNumber", "is not a valid card number (check digit)");
        }
        return digits;
    }

    /** The last four digits of a card, the most of it ever kept. */
    static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }
}
