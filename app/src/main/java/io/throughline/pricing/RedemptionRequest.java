package io.throughline.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Redeem what a cart's quote applies, once: {@code reference} is the order (or till receipt) number and makes
 * the call idempotent. The cart is priced again here, so the amounts cannot be forged.
 */
public record RedemptionRequest(@NotBlank @Size(max = 100) String reference, @NotNull @Valid QuoteRequest quote) {}
