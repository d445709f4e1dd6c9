package io.throughline.imports;

import io.throughline.orders.DeliveryMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a file's columns become orders: which column holds what, how its times and customers are written, and what
 * to do with what is not a plain sale. See docs/API.md ("Order history imports") for the Online Retail mapping.
 *
 * @param timeFormat          a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
 * @param timeZone            the zone the file's times are local to, e.g. {@code Europe/London}
 * @param customerType        the kind of identifier the customer column holds ({@code user_id}, {@code email},
 *                            {@code pos_customer_id}, …): it is resolved to a profile as live events are
 * @param currency            the currency of every line when no column holds it
 * @param channel             the channel (a source's channel key) of every order when no column holds it
 * @param cancellationPrefix  an order number starting with it is a cancellation or return (e.g. {@code C}); when
 *                            null, negative quantities mark returned lines instead
 * @param unknownProducts     what a SKU the catalogue does not have does: create the product from the line's
 *                            description, or report the line
 * @param charges             codes that are not products (postage, fees): recorded as order lines without a
 *                            product; any other code that is not a valid SKU is reported
 * @param zeroPrice           whether a sale at price 0 is recorded or reported
 * @param delivery            how the orders reached the customers (default home delivery)
 * @param encoding            the file's character encoding (default UTF-8)
 */
public record OrderImportMapping(@NotNull @Valid Columns columns, @NotBlank String timeFormat,
        @NotBlank String timeZone, @NotBlank String customerType, @Nullable String currency,
        @Nullable String channel, @Nullable String cancellationPrefix, @Nullable UnknownProducts unknownProducts,
        @Nullable List<String> charges, @Nullable ZeroPrice zeroPrice, @Nullable DeliveryMethod delivery,
        @Nullable String encoding) {

    /** The header names of the file's columns; the ones marked optional may be left out. */
    public record Columns(@NotBlank String orderNumber, @NotBlank String time, @NotBlank String sku,
            @Nullable String description, @NotBlank String quantity, @NotBlank String unitPrice,
            @Nullable String currency, @Nullable String customer, @Nullable String channel,
            @Nullable String country) {}

    public enum UnknownProducts { CREATE, REPORT }

    public enum ZeroPrice { RECORD, REPORT }

    public UnknownProducts unknownProductsOrDefault() {
        return unknownProducts == null ? UnknownProducts.REPORT : unknownProducts;
    }

    public ZeroPrice zeroPriceOrDefault() {
        return zeroPrice == null ? ZeroPrice.REPORT : zeroPrice;
    }

    public List<String> chargesOrEmpty() {
        return charges == null ? List.of() : charges;
    }

    public DeliveryMethod deliveryOrDefault() {
        return delivery == null ? DeliveryMethod.HOME_DELIVERY : delivery;
    }

    public String encodingOrDefault() {
        return encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
    }
}
