package io.throughline.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods of an order coming back, received at a location (a shop's counter, or the warehouse for a parcel).
 *
 * @param locationId where the stock goes back
 */
public record ReturnRequest(@NotNull UUID locationId, @NotNull RefundTo refundTo,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines, @Nullable @Size(max = 500) String reason) {

    public record Line(@NotBlank String sku, @NotNull @Min(value = 1, message = "must be 1 or more") @Max(999) Integer quantity) {}

    public ReturnRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
