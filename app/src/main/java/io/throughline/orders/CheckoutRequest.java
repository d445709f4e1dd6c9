package io.throughline.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
     */
    public record PaymentDetails(@NotNull PaymentMethod method,
            @Nullable @Pattern(regexp = "[0-9 ]{12,23}", message = "must be 12 to 19 digits") String cardNumber) {}
}
