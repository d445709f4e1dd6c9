package io.throughline.pricing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** What a promotion gives when it applies. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reward.PercentOff.class, name = "PERCENT_OFF"),
        @JsonSubTypes.Type(value = Reward.AmountOff.class, name = "AMOUNT_OFF"),
        @JsonSubTypes.Type(value = Reward.BuyXGetY.class, name = "BUY_X_GET_Y"),
        @JsonSubTypes.Type(value = Reward.BundlePrice.class, name = "BUNDLE_PRICE"),
        @JsonSubTypes.Type(value = Reward.TieredSpend.class, name = "TIERED_SPEND"),
        @JsonSubTypes.Type(value = Reward.FreeShipping.class, name = "FREE_SHIPPING")})
public sealed interface Reward {

    /** The currency this reward's amounts are in, or null when it has none (a percentage, free shipping). */
    default @org.jspecify.annotations.Nullable String currency() {
        return null;
    }

    /** A percentage (up to two decimals, more than 0 and at most 100) off the items or the order. */
    record PercentOff(BigDecimal percent, RewardScope scope) implements Reward {
        public PercentOff {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                throw new InvalidRequestException("reward.percent",
                        "must be more than 0 and at most 100, with at most two decimals");
            }
            if (scope == null) {
                throw new InvalidRequestException("reward.scope", "must be ITEMS or ORDER");
            }
            percent = percent.stripTrailingZeros();
        }
    }

    /** A fixed amount off each qualifying item, or off the order. */
    record AmountOff(Money amount, RewardScope scope) implements Reward {
        public AmountOff {
            if (amount == null || amount.minor() <= 0) {
                throw new InvalidRequestException("reward.amount", "must be more than zero");
            }
            if (scope == null) {
                throw new InvalidRequestException("reward.scope", "must be ITEMS or ORDER");
            }
        }

        @Override
        public String currency() {
            return amount.currency();
        }
    }

    /** For every {@code buy + get} qualifying units, the {@code get} cheapest are free. */
    record BuyXGetY(int buy, int get) implements Reward {
        public BuyXGetY {
            if (buy < 1 || buy > 1000) {
                throw new InvalidRequestException("reward.buy", "must be between 1 and 1000");
            }
            if (get < 1 || get > 1000) {
                throw new InvalidRequestException("reward.get", "must be between 1 and 1000");
            }
        }
    }

    /** One item of a bundle: how many of the SKU one bundle holds. */
    record BundleItem(Sku sku, int quantity) {
        public BundleItem {
            if (sku == null) {
                throw new InvalidRequestException("reward.items.sku", "is required");
            }
            if (quantity < 1 || quantity > 100) {
                throw new InvalidRequestException("reward.items.quantity", "must be between 1 and 100");
            }
        }
    }

    /** A set of SKUs sold together for a fixed price, as many times as the cart holds the whole set. */
    record BundlePrice(List<BundleItem> items, Money price) implements Reward {
        public BundlePrice {
            if (items == null || items.isEmpty() || items.size() > 20) {
                throw new InvalidRequestException("reward.items", "must hold 1 to 20 SKUs");
            }
            if (new HashSet<>(items.stream().map(BundleItem::sku).toList()).size() != items.size()) {
                throw new InvalidRequestException("reward.items", "must name each SKU once");
            }
            if (price == null || price.isNegative()) {
                throw new InvalidRequestException("reward.price", "must be zero or more");
            }
            items = List.copyOf(items);
        }

        @Override
        public String currency() {
            return price.currency();
        }
    }

    /** Spend at least {@code threshold} on qualifying items, get {@code off} off. */
    record Tier(Money threshold, Money off) {
        public Tier {
            if (threshold == null || threshold.minor() <= 0) {
                throw new InvalidRequestException("reward.tiers.threshold", "must be more than zero");
            }
            if (off == null || off.minor() <= 0) {
                throw new InvalidRequestException("reward.tiers.off", "must be more than zero");
            }
            if (!threshold.currency().equals(off.currency())) {
                throw new InvalidRequestException("reward.tiers", "threshold and off must be in one currency");
            }
        }
    }

    /** The highest tier whose threshold the qualifying spend reaches gives its amount off the order. */
    record TieredSpend(List<Tier> tiers) implements Reward {
        public TieredSpend {
            if (tiers == null || tiers.isEmpty() || tiers.size() > 20) {
                throw new InvalidRequestException("reward.tiers", "must hold 1 to 20 tiers");
            }
            if (tiers.stream().map(tier -> tier.threshold().currency()).distinct().count() > 1) {
                throw new InvalidRequestException("reward.tiers", "must all be in one currency");
            }
            tiers = tiers.stream().sorted(Comparator.comparingLong((Tier tier) -> tier.threshold().minor())).toList();
        }

        @Override
        public String currency() {
            return tiers.getFirst().threshold().currency();
        }
    }

    /** Shipping is free: the quote says so, and the adjustment explains why, with no amount on the items. */
    record FreeShipping() implements Reward {}
}
