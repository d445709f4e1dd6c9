package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.platform.Money;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import io.throughline.pricing.PromotionView;
import io.throughline.pricing.Promotions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Prices and promotions as staff read them: the price lists and each list's prices, the promotions with their
 * conditions, usage and remaining budget, and the coupon batches. Changes go through the API for now.
 */
@Controller
@RequestMapping("/pricing")
@PreAuthorize(StaffPermission.Rules.READ_PRICES)
class PricingPagesController {

    /** A promotion as listed: what it gives and when, in words. */
    record PromotionRow(PromotionView promotion, String reward, String conditions, String limits) {}

    /** A batch as listed, with its promotion's name. */
    record BatchRow(CouponBatch batch, String promotionName) {}

    private static final int PAGE_SIZE = 25;

    private final PriceLists priceLists;
    private final Promotions promotions;

    PricingPagesController(PriceLists priceLists, Promotions promotions) {
        this.priceLists = priceLists;
        this.promotions = promotions;
    }

    @GetMapping
    String lists(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "lists");
        model.addAttribute("lists", priceLists.list(new PageRequest(Math.max(0, page), PAGE_SIZE)));
        return "console/pricing/lists";
    }

    @GetMapping("/price-lists/{id}")
    String list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        PriceList list = priceLists.get(id);
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "lists");
        model.addAttribute("list", list);
        model.addAttribute("prices", priceLists.prices(id, new PageRequest(Math.max(0, page), 50)));
        return "console/pricing/list";
    }

    @GetMapping("/promotions")
    String promotions(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<PromotionView> found = promotions.list(new PageRequest(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "promotions");
        model.addAttribute("promotions", found.map(view -> new PromotionRow(view, reward(view.definition()),
                conditions(view.definition()), limits(view))));
        return "console/pricing/promotions";
    }

    @GetMapping("/coupon-batches")
    String batches(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<CouponBatch> found = promotions.batches(new PageRequest(Math.max(0, page), PAGE_SIZE));
        Map<UUID, String> names = new HashMap<>();
        found.items().forEach(batch -> names.computeIfAbsent(batch.promotionId(),
                id -> promotions.get(id).definition().name()));
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "batches");
        model.addAttribute("batches", found.map(batch -> new BatchRow(batch, names.get(batch.promotionId()))));
        return "console/pricing/batches";
    }

    static String reward(NewPromotion promotion) {
        NewPromotion.RewardSpec reward = promotion.reward();
        String currency = promotion.currency() == null ? "" : " " + promotion.currency();
        return switch (reward.type()) {
            case PERCENT_OFF -> plain(reward.percent()) + " % off " + scope(reward);
            case AMOUNT_OFF -> plain(reward.amount()) + currency + " off " + scope(reward);
            case BUY_X_GET_Y -> "Buy " + reward.buy() + ", get " + reward.get() + " free";
            case BUNDLE_PRICE -> reward.items().stream().map(item -> item.quantity() + " × " + item.sku())
                    .collect(Collectors.joining(" + ")) + " for " + plain(reward.price()) + currency;
            case TIERED_SPEND -> reward.tiers().stream()
                    .map(tier -> "spend " + plain(tier.threshold()) + currency + ", get " + plain(tier.off())
                            + currency + " off")
                    .collect(Collectors.joining("; "));
            case FREE_SHIPPING -> "Free shipping";
        };
    }

    static String conditions(NewPromotion promotion) {
        NewPromotion.ConditionsSpec given = promotion.conditions();
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(promotion.couponRequired())) {
            parts.add("with a coupon");
        }
        if (given != null) {
            if (given.channels() != null && !given.channels().isEmpty()) {
                parts.add("channels " + String.join(", ", given.channels()));
            }
            if (given.customerGroups() != null && !given.customerGroups().isEmpty()) {
                parts.add("groups " + String.join(", ", given.customerGroups()));
            }
            if (given.segments() != null && !given.segments().isEmpty()) {
                parts.add("segments " + String.join(", ", given.segments()));
            }
            if (given.minimumSpend() != null) {
                parts.add("minimum spend " + plain(given.minimumSpend()) + " " + promotion.currency());
            }
            if (given.startsAt() != null) {
                parts.add("from " + given.startsAt());
            }
            if (given.endsAt() != null) {
                parts.add("until " + given.endsAt());
            }
            if (given.hours() != null) {
                parts.add((given.hours().days() == null || given.hours().days().isEmpty() ? "daily"
                        : given.hours().days().stream().map(day -> day.name().charAt(0)
                                + day.name().substring(1, 3).toLowerCase()).collect(Collectors.joining(", ")))
                        + " " + given.hours().from() + "–" + given.hours().until());
            }
            if (given.products() != null && !given.products().isEmpty()) {
                parts.add(given.products().size() == 1 ? "product " + given.products().getFirst()
                        : given.products().size() + " products");
            }
            if (given.categories() != null && !given.categories().isEmpty()) {
                parts.add(given.categories().size() + (given.categories().size() == 1 ? " category" : " categories"));
            }
        }
        return parts.isEmpty() ? "Always" : String.join("; ", parts);
    }

    static String limits(PromotionView view) {
        List<String> parts = new ArrayList<>();
        NewPromotion definition = view.definition();
        if (definition.perCustomerLimit() != null) {
            parts.add(definition.perCustomerLimit() + " per customer");
        }
        if (view.remainingCount() != null) {
            parts.add(view.remainingCount() + " of " + definition.budgetCount() + " uses left");
        }
        if (view.remainingAmount() != null) {
            parts.add(money(view.remainingAmount()) + " of " + plain(definition.budgetAmount()) + " "
                    + view.remainingAmount().currency() + " left");
        }
        return parts.isEmpty() ? "No limit" : String.join("; ", parts);
    }

    private static String scope(NewPromotion.RewardSpec reward) {
        return reward.scope() == io.throughline.pricing.RewardScope.ITEMS ? "each item" : "the order";
    }

    private static String money(Money money) {
        return money.amount().toPlainString();
    }

    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
