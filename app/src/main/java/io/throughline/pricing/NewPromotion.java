package io.throughline.pricing;

import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A promotion as staff define it: amounts are decimals in {@code currency} (required when the promotion has
 * any amount), SKUs are plain strings. {@link #toPromotion} turns it into the value the quote engine reads,
 * refusing what makes no sense with the field that is wrong.
 */
public record NewPromotion(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(max = 500) String description,
        @Nullable @Size(min = 3, max = 3) String currency,
        @NotNull @Valid RewardSpec reward,
        @Nullable @Valid ConditionsSpec conditions,
        @NotNull Stacking stacking,
        @Nullable @Min(-1_000_000) @Max(1_000_000) Integer priority,
        @Nullable Boolean couponRequired,
        @Nullable @Min(1) @Max(1_000_000) Integer perCustomerLimit,
        @Nullable @Min(1) @Max(1_000_000_000) Integer budgetCount,
        @Nullable BigDecimal budgetAmount) {

    /** Priority defaults to 0; a coupon is not required unless asked for. */
    public NewPromotion {
        priority = priority == null ? 0 : priority;
        couponRequired = couponRequired != null && couponRequired;
    }

    public enum RewardType {
        PERCENT_OFF, AMOUNT_OFF, BUY_X_GET_Y, BUNDLE_PRICE, TIERED_SPEND, FREE_SHIPPING
    }

    /** One reward; which fields count depends on {@code type}. */
    public record RewardSpec(@NotNull RewardType type, @Nullable BigDecimal percent, @Nullable RewardScope scope,
            @Nullable BigDecimal amount, @Nullable Integer buy, @Nullable Integer get,
            @Nullable @Size(max = 20) List<@Valid BundleItemSpec> items, @Nullable BigDecimal price,
            @Nullable @Size(max = 20) List<@Valid TierSpec> tiers) {

        public static RewardSpec percentOff(BigDecimal percent, RewardScope scope) {
            return new RewardSpec(RewardType.PERCENT_OFF, percent, scope, null, null, null, null, null, null);
        }

        public static RewardSpec amountOff(BigDecimal amount, RewardScope scope) {
            return new RewardSpec(RewardType.AMOUNT_OFF, null, scope, amount, null, null, null, null, null);
        }

        public static RewardSpec buyXGetY(int buy, int get) {
            return new RewardSpec(RewardType.BUY_X_GET_Y, null, null, null, buy, get, null, null, null);
        }

        public static RewardSpec bundle(List<BundleItemSpec> items, BigDecimal price) {
            return new RewardSpec(RewardType.BUNDLE_PRICE, null, null, null, null, null, items, price, null);
        }

        public static RewardSpec tiered(List<TierSpec> tiers) {
            return new RewardSpec(RewardType.TIERED_SPEND, null, null, null, null, null, null, null, tiers);
        }

        public static RewardSpec freeShipping() {
            return new RewardSpec(RewardType.FREE_SHIPPING, null, null, null, null, null, null, null, null);
        }
    }

    public record BundleItemSpec(@NotNull String sku, @NotNull @Min(1) @Max(100) Integer quantity) {}

    public record TierSpec(@NotNull BigDecimal threshold, @NotNull BigDecimal off) {}

    public record HoursSpec(@Nullable List<DayOfWeek> days, @NotNull LocalTime from, @NotNull LocalTime until) {}

    /** When the promotion applies; see {@link PromotionConditions}. */
    public record ConditionsSpec(@Nullable @Size(max = 50) List<String> channels,
            @Nullable @Size(max = 50) List<String> customerGroups, @Nullable @Size(max = 50) List<String> segments,
            @Nullable BigDecimal minimumSpend, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable @Valid HoursSpec hours, @Nullable @Size(max = 1000) List<String> products,
            @Nullable @Size(max = 1000) List<UUID> categories) {}

    /** The engine's value of this definition, with what has been used so far. */
    public Promotion toPromotion(UUID id, int usedCount, long usedMinor, Instant createdAt) {
        if (currency != null) {
            Money.zero(currency);
        }
        Reward value = rewardValue();
        ConditionsSpec given = conditions == null
                ? new ConditionsSpec(null, null, null, null, null, null, null, null, null) : conditions;
        List<Sku> products = new ArrayList<>();
        List<String> productCodes = given.products() == null ? List.of() : given.products();
        for (int i = 0; i < productCodes.size(); i++) {
            String code = productCodes.get(i);
            products.add(field("conditions.products[" + i + "]", () -> Sku.of(code)));
        }
        TimeWindow hours = given.hours() == null ? null
                : new TimeWindow(given.hours().days(), given.hours().from(), given.hours().until());
        PromotionConditions conditionsValue = new PromotionConditions(given.channels(), given.customerGroups(),
                given.segments(), money("conditions.minimumSpend", given.minimumSpend()), given.startsAt(),
                given.endsAt(), hours, products, given.categories());
        Money budget = money("budgetAmount", budgetAmount);
        if (budget != null && budget.minor() <= 0) {
            throw new InvalidRequestException("budgetAmount", "must be more than zero");
        }
        return new Promotion(id, name.strip(), description, value, conditionsValue, stacking, priority,
                couponRequired, perCustomerLimit, budgetCount, budget, usedCount,
                budget == null ? null : new Money(usedMinor, budget.currency()), createdAt);
    }

    private Reward rewardValue() {
        RewardSpec spec = reward;
        return switch (spec.type()) {
            case PERCENT_OFF -> new Reward.PercentOff(required("reward.percent", spec.percent()), spec.scope());
            case AMOUNT_OFF -> new Reward.AmountOff(money("reward.amount", required("reward.amount", spec.amount())),
                    spec.scope());
            case BUY_X_GET_Y -> new Reward.BuyXGetY(required("reward.buy", spec.buy()), required("reward.get", spec.get()));
            case BUNDLE_PRICE -> {
                List<BundleItemSpec> items = required("reward.items", spec.items());
                List<Reward.BundleItem> bundleItems = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    BundleItemSpec item = items.get(i);
                    bundleItems.add(new Reward.BundleItem(field("reward.items[" + i + "].sku", () -> Sku.of(item.sku())),
                            item.quantity()));
                }
                yield new Reward.BundlePrice(bundleItems, money("reward.price", required("reward.price", spec.price())));
            }
            case TIERED_SPEND -> {
                List<TierSpec> tiers = required("reward.tiers", spec.tiers());
                List<Reward.Tier> values = new ArrayList<>();
                for (int i = 0; i < tiers.size(); i++) {
                    values.add(new Reward.Tier(money("reward.tiers[" + i + "].threshold", tiers.get(i).threshold()),
                            money("reward.tiers[" + i + "].off", tiers.get(i).off())));
                }
                yield new Reward.TieredSpend(values);
            }
            case FREE_SHIPPING -> new Reward.FreeShipping();
        };
    }

    private @Nullable Money money(String field, @Nullable BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (currency == null) {
            throw new InvalidRequestException("currency", "is required when the promotion has amounts (" + field + ")");
        }
        if (amount.signum() < 0) {
            throw new InvalidRequestException(field, "must not be negative");
        }
        return field(field, () -> Money.of(amount, currency));
    }

    private static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required for this reward type");
        }
        return value;
    }

    /** Runs a conversion, reporting its refusal under the request's field name. */
    private static <T> T field(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidRequestException refused) {
            throw new InvalidRequestException(field, refused.reason());
        }
    }
}
