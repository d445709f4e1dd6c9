package io.throughline.pricing;

import io.throughline.catalog.Sku;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a channel sends to price a cart; {@code at} defaults to now. */
public record QuoteRequest(
        @NotBlank @Pattern(regexp = PriceList.CHANNEL_PATTERN, message = "must be a channel key") String channel,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @Nullable UUID customerId,
        @Nullable @Size(max = 50) String customerGroup,
        @Nullable @Size(max = 100) List<@NotBlank String> segments,
        @Nullable @Size(max = 10) List<@NotBlank @Size(max = 40) String> couponCodes,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineRequest> lines,
        @Nullable Instant at) {

    public record LineRequest(
            @NotNull @Pattern(regexp = Sku.PATTERN, message = "must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit") String sku,
            @NotNull @Min(value = 1, message = "must be 1 or more") @Max(10_000) Integer quantity) {}

    public QuoteRequest {
        segments = segments == null ? List.of() : List.copyOf(segments);
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
    }
}
