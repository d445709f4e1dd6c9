package io.throughline.pricing;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A promotion: what it gives ({@link Reward}), when ({@link PromotionConditions}), how it combines with others
 * ({@link Stacking}, {@code priority}: higher first), whether it needs a coupon, and its limits — uses per
 * customer and a total budget as a count of redemptions and/or an amount of discount — with what has been used.
 */
public record Promotion(UUID id, String name, @Nullable String description, Reward reward,
        PromotionConditions conditions, Stacking stacking, int priority, boolean couponRequired,
        @Nullable Integer perCustomerLimit, @Nullable Integer budgetCount, @Nullable Money budgetAmount,
        int usedCount, @Nullable Money usedAmount, Instant createdAt) {

    /** The currency of the promotion's amounts, or null when it works in any currency. */
    public @Nullable String currency() {
        if (reward.currency() != null) {
            return reward.currency();
        }
        if (conditions.minimumSpend() != null) {
            return conditions.minimumSpend().currency();
        }
        return budgetAmount == null ? null : budgetAmount.currency();
    }

    /** Redemptions left in the count budget, or null when there is no count budget. */
    public @Nullable Integer remainingCount() {
        return budgetCount == null ? null : Math.max(0, budgetCount - usedCount);
    }

    /** Discount left in the money budget, or null when there is no money budget. */
    public @Nullable Money remainingAmount() {
        if (budgetAmount == null) {
            return null;
        }
        Money left = usedAmount == null ? budgetAmount : budgetAmount.minus(usedAmount);
        return left.isNegative() ? Money.zero(budgetAmount.currency()) : left;
    }
}
