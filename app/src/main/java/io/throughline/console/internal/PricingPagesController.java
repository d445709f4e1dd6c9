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

    private final org.springframework.context.MessageSource texts;

    PricingPagesController(PriceLists priceLists, Promotions promotions,
            org.springframework.context.MessageSource texts) {
        this.texts = texts;
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
        ConsoleWords words = ConsoleWords.of(texts);
        model.addAttribute("promotions", found.map(view -> new PromotionRow(view, reward(view.definition(), words),
                conditions(view.definition(), words), limits(view, words))));
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

    static String reward(NewPromotion promotion, ConsoleWords words) {
        NewPromotion.RewardSpec reward = promotion.reward();
        String currency = promotion.currency() == null ? "" : promotion.currency();
        return switch (reward.type()) {
            case PERCENT_OFF -> words.get("pricing.terms.percentOff", plain(reward.percent()), scope(reward, words));
            case AMOUNT_OFF -> words.get("pricing.terms.amountOff", plain(reward.amount()), currency,
                    scope(reward, words));
            case BUY_X_GET_Y -> words.get("pricing.terms.buyXGetY", reward.buy(), reward.get());
            case BUNDLE_PRICE -> words.get("pricing.terms.bundle", reward.items().stream()
                    .map(item -> item.quantity() + " × " + item.sku()).collect(Collectors.joining(" + ")),
                    plain(reward.price()), currency);
            case TIERED_SPEND -> reward.tiers().stream()
                    .map(tier -> words.get("pricing.terms.tier", plain(tier.threshold()), currency,
                            plain(tier.off())))
                    .collect(Collectors.joining("; "));
            case FREE_SHIPPING -> words.get("pricing.terms.freeShipping");
        };
    }

    static String conditions(NewPromotion promotion, ConsoleWords words) {
        NewPromotion.ConditionsSpec given = promotion.conditions();
        List<String> parts = new ArrayList<>();
        if (Boolean.TRUE.equals(promotion.couponRequired())) {
            parts.add(words.get("pricing.terms.withCoupon"));
        }
        if (given != null) {
            if (given.channels() != null && !given.channels().isEmpty()) {
                parts.add(words.get("pricing.terms.channels", String.join(", ", given.channels())));
            }
            if (given.customerGroups() != null && !given.customerGroups().isEmpty()) {
                parts.add(words.get("pricing.terms.groups", String.join(", ", given.customerGroups())));
            }
            if (given.segments() != null && !given.segments().isEmpty()) {
                parts.add(words.get("pricing.terms.segments", String.join(", ", given.segments())));
            }
            if (given.minimumSpend() != null) {
                parts.add(words.get("pricing.terms.minimumSpend", plain(given.minimumSpend()),
                        String.valueOf(promotion.currency())));
            }
            if (given.startsAt() != null) {
                parts.add(words.get("pricing.terms.from", String.valueOf(given.startsAt())));
            }
            if (given.endsAt() != null) {
                parts.add(words.get("pricing.terms.until", String.valueOf(given.endsAt())));
            }
            if (given.hours() != null) {
                String days = given.hours().days() == null || given.hours().days().isEmpty()
                        ? words.get("pricing.terms.daily")
                        : given.hours().days().stream().map(day -> day.getDisplayName(java.time.format.TextStyle.SHORT,
                                org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                                .collect(Collectors.joining(", "));
                parts.add(words.get("pricing.terms.hours", days, String.valueOf(given.hours().from()),
                        String.valueOf(given.hours().until())));
            }
            if (given.products() != null && !given.products().isEmpty()) {
                parts.add(given.products().size() == 1 ? words.get("pricing.terms.product", given.products().getFirst())
                        : words.get("pricing.terms.products", given.products().size()));
            }
            if (given.categories() != null && !given.categories().isEmpty()) {
                parts.add(words.get("pricing.terms.categories", given.categories().size()));
            }
        }
        return parts.isEmpty() ? words.get("pricing.terms.always") : String.join("; ", parts);
    }

    static String limits(PromotionView view, ConsoleWords words) {
        List<String> parts = new ArrayList<>();
        NewPromotion definition = view.definition();
        if (definition.perCustomerLimit() != null) {
            parts.add(words.get("pricing.terms.perCustomer", definition.perCustomerLimit()));
        }
        if (view.remainingCount() != null) {
            parts.add(words.get("pricing.terms.usesLeft", view.remainingCount(), definition.budgetCount()));
        }
        if (view.remainingAmount() != null) {
            parts.add(words.get("pricing.terms.budgetLeft", money(view.remainingAmount()),
                    plain(definition.budgetAmount()), view.remainingAmount().currency()));
        }
        return parts.isEmpty() ? words.get("pricing.terms.noLimit") : String.join("; ", parts);
    }

    private static String scope(NewPromotion.RewardSpec reward, ConsoleWords words) {
        return reward.scope() == io.throughline.pricing.RewardScope.ITEMS ? words.get("pricing.terms.scope.items")
                : words.get("pricing.terms.scope.order");
    }

    private static String money(Money money) {
        return money.amount().toPlainString();
    }

    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
