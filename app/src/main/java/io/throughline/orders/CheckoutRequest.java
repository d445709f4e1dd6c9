package io.throughline.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turn the cart into an order: how it reaches the customer and how she pays. The cart's lines, prices,
 * coupons and pickup shop are the cart's; nothing priced here comes from the caller.
 *
 * @param address required for home delivery and ship-from-store
 */
public record CheckoutRequest(@NotNull UUID cartId, @NotNull DeliveryMethod delivery,
        @Nullable @Valid ShippingAddress address, @NotNull @Valid PaymentDetails payment) {

    /**
     * How she pays.
     *
     * @param cardNumber for {@link PaymentMethod#CARD} (and optionally the terminal's card for
     *                   {@link PaymentMethod#CARD_PRESENT}): 12 to 19 digits, spaces allowed
     * @param parts      a split payment at a shop's till: amounts taken first by other tenders (part in cash),
     *                   {@code method} taking what remains of the total; empty or absent for one payment
     */
    public record PaymentDetails(@NotNull PaymentMethod method,
            @Nullable @Pattern(regexp = "[0-9 ]{12,23}", message = "must be 12 to 19 digits") String cardNumber,
            @Nullable @Size(max = 4, message = "at most 4 parts") List<@NotNull @Valid Part> parts) {

        public PaymentDetails(PaymentMethod method, @Nullable String cardNumber) {
            this(method, cardNumber, null);
        }

        /** The parts paid before the remainder, none when she pays at once. */
        public List<Part> partsOrNone() {
            return parts == null ? List.of() : parts;
        }
    }

    /**
     * One tender of a split payment.
     *
     * @param amountMinor in the cart's currency, in minor units
     */
    public record Part(@NotNull PaymentMethod method, @Positive long amountMinor) {}
}
