package io.throughline.pricing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** A request to give a customer a unique code from a batch, from a channel (e.g. the app's welcome screen). */
public record CouponGrant(@NotNull UUID batchId, @NotNull UUID customerId,
        @NotNull @Pattern(regexp = PriceList.CHANNEL_PATTERN, message = "must be a channel key") String channel) {}
