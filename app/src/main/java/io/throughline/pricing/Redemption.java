package io.throughline.pricing;

import java.time.Instant;
import java.util.UUID;

/** A redeemed quote: the coupons and budgets it used are used up. */
public record Redemption(UUID id, String reference, Quote quote, Instant createdAt) {}
