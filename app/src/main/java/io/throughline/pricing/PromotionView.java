package io.throughline.pricing;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A promotion as the API shows it: its definition as given, and its usage and remaining budget. */
public record PromotionView(UUID id, NewPromotion definition, int usedCount, @Nullable Money usedAmount,
        @Nullable Integer remainingCount, @Nullable Money remainingAmount, Instant createdAt) {}
