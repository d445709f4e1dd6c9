package io.throughline.orders.internal;

import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.PaymentMethod;
import io.throughline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Which ways of paying and of getting the goods a channel may use: cash, the card terminal and the counter only
 * at a shop's till; pay at pickup only for click &amp; collect; an address for everything that is shipped; a card
 * number for an online card payment.
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
        String card = request.payment().cardNumber();
        if (method == PaymentMethod.CARD && (card == null || card.isBlank())) {
            throw new InvalidRequestException("payment.cardNumber", "is required for a CARD payment");
        }
        return card == null || card.isBlank() ? null : cardNumber(card);
    }

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
