package io.throughline.pricing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What it takes to create a price list; no channels means every channel, no group means every customer. */
public record NewPriceList(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @Nullable @Size(max = 50) List<@NotNull @Pattern(regexp = PriceList.CHANNEL_PATTERN,
                message = "must be channel keys: lower-case letters, digits and dashes") String> channels,
        @Nullable @Size(min = 1, max = 50) String customerGroup,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable @Min(-1_000_000) @Max(1_000_000) Integer priority) {

    public NewPriceList {
        channels = channels == null ? List.of() : List.copyOf(channels);
        priority = priority == null ? 0 : priority;
    }

    @AssertTrue(message = "must be after validFrom")
    public boolean isValidUntil() {
        return validFrom == null || validUntil == null || validUntil.isAfter(validFrom);
    }
}
