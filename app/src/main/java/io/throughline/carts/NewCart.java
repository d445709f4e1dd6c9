package io.throughline.carts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A cart to open for an anonymous shopper or a customer (exactly one of the two), priced in the currency. */
public record NewCart(@Nullable @Size(min = 1, max = 200) String anonymousId, @Nullable UUID profileId,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {}
