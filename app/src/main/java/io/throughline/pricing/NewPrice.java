package io.throughline.pricing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.throughline.catalog.Sku;
import java.math.BigDecimal;

/** A SKU's price on a list, as a decimal amount in the list's currency (4990.00), never negative. */
public record NewPrice(
        @NotNull @Pattern(regexp = Sku.PATTERN, message = "must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit") String sku,
        @NotNull BigDecimal price) {}
