package io.throughline.console.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.PromotionView;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.RewardScope;
import io.throughline.pricing.Stacking;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a promotion in the console, of every reward the pricing engine has: a percentage or an amount off, buy X
 * get Y, a bundle price (lines of "quantity × SKU"), spend tiers (lines of "spend: off") and free shipping. What the
 * form has no field for (customer groups, segments, dates, hours, products, categories, an amount budget) is kept as
 * it was. Every problem is shown at its field with what was typed kept.
 */
@Controller
@RequestMapping("/pricing/promotions/{id}/edit")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRICES)
class PromotionEditingController {

    private static final List<String> FIELDS = List.of("name", "description", "rewardType", "percent", "amount",
            "scope", "buy", "get", "items", "price", "tiers", "currency", "channels", "minimumSpend", "stacking",
            "priority", "couponRequired", "perCustomerLimit", "budgetCount");
    private static final Map<String, String> MODULE_FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("description", "description"), Map.entry("currency", "currency"),
            Map.entry("reward.percent", "percent"), Map.entry("reward.amount", "amount"),
            Map.entry("reward.scope", "scope"), Map.entry("reward.buy", "buy"), Map.entry("reward.get", "get"),
            Map.entry("reward.items", "items"), Map.entry("reward.price", "price"), Map.entry("reward.tiers", "tiers"),
            Map.entry("conditions.channels", "channels"), Map.entry("conditions.minimumSpend", "minimumSpend"),
            Map.entry("perCustomerLimit", "perCustomerLimit"), Map.entry("budgetCount", "budgetCount"));

    private final Promotions promotions;
    private final MessageSource texts;

    PromotionEditingController(Promotions promotions, MessageSource texts) {
        this.promotions = promotions;
        this.texts = texts;
    }

    @GetMapping
    String edit(@PathVariable UUID id, Model model) {
        PromotionView promotion = promotions.get(id);
        return page(model, promotion, typed(promotion.definition()), Map.of());
    }

    @PostMapping
    String save(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        PromotionView promotion = promotions.get(id);
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
        Map<String, String> errors = new LinkedHashMap<>();
        PromotionTerms terms = new PromotionTerms(typed, errors, ConsoleWords.of(texts));
        NewPromotion definition = terms.definition(promotion.definition());
        if (errors.isEmpty() && definition != null) {
            try {
                PromotionView saved = promotions.update(id, definition);
                redirect.addFlashAttribute("notice", ConsoleWords.of(texts).get("pricing.notice.promotion.saved",
                        saved.definition().name()));
                return "redirect:/pricing/promotions";
            } catch (InvalidRequestException | ConflictException refused) {
                reject(errors, refused);
            }
        }
        return page(model, promotion, typed, errors);
    }

    private String page(Model model, PromotionView promotion, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "promotions");
        model.addAttribute("promotionId", promotion.id());
        model.addAttribute("typed", typed);
        model.addAttribute("rewardTypes", NewPromotion.RewardType.values());
        model.addAttribute("scopes", RewardScope.values());
        model.addAttribute("stackings", Stacking.values());
        model.addAttribute("errors", errors);
        return "console/pricing/promotion-edit";
    }

    /** The saved promotion as the form shows it. */
    static Map<String, String> typed(NewPromotion promotion) {
        NewPromotion.RewardSpec reward = promotion.reward();
        NewPromotion.ConditionsSpec conditions = promotion.conditions();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", promotion.name());
        typed.put("description", text(promotion.description()));
        typed.put("rewardType", reward.type().name());
        typed.put("percent", plain(reward.percent()));
        typed.put("amount", plain(reward.amount()));
        typed.put("scope", reward.scope() == null ? RewardScope.ORDER.name() : reward.scope().name());
        typed.put("buy", reward.buy() == null ? "" : reward.buy().toString());
        typed.put("get", reward.get() == null ? "" : reward.get().toString());
        typed.put("items", reward.items() == null ? "" : reward.items().stream()
                .map(item -> item.quantity() + " × " + item.sku()).collect(Collectors.joining("\n")));
        typed.put("price", plain(reward.price()));
        typed.put("tiers", reward.tiers() == null ? "" : reward.tiers().stream()
                .map(tier -> plain(tier.threshold()) + ": " + plain(tier.off())).collect(Collectors.joining("\n")));
        typed.put("currency", text(promotion.currency()));
        typed.put("channels", conditions == null || conditions.channels() == null ? ""
                : String.join(", ", conditions.channels()));
        typed.put("minimumSpend", conditions == null ? "" : plain(conditions.minimumSpend()));
        typed.put("stacking", promotion.stacking().name());
        typed.put("priority", String.valueOf(promotion.priority()));
        typed.put("couponRequired", Boolean.TRUE.equals(promotion.couponRequired()) ? "true" : "");
        typed.put("perCustomerLimit", promotion.perCustomerLimit() == null ? "" : promotion.perCustomerLimit().toString());
        typed.put("budgetCount", promotion.budgetCount() == null ? "" : promotion.budgetCount().toString());
        return typed;
    }

    private static void reject(Map<String, String> errors, ThroughlineException refused) {
        String field = refused instanceof InvalidRequestException invalid ? invalid.field()
                : ((ConflictException) refused).field();
        String message = refused instanceof InvalidRequestException invalid ? invalid.reason() : refused.getMessage();
        String formField = MODULE_FIELDS.entrySet().stream().filter(entry -> field.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(FormErrors.FORM);
        errors.putIfAbsent(formField, message);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    /** The form's values read into a promotion, each problem noted at its field. */
    private record PromotionTerms(Map<String, String> typed, Map<String, String> errors, ConsoleWords words) {

        @Nullable NewPromotion definition(NewPromotion before) {
            String name = typed.get("name");
            if (name.isEmpty()) {
                errors.put("name", words.get("pricing.error.required"));
            }
            NewPromotion.RewardType type = enumOf(NewPromotion.RewardType.class, "rewardType");
            Stacking stacking = enumOf(Stacking.class, "stacking");
            RewardScope scope = typed.get("scope").isEmpty() ? RewardScope.ORDER : enumOf(RewardScope.class, "scope");
            NewPromotion.RewardSpec reward = type == null ? null : switch (type) {
                case PERCENT_OFF -> NewPromotion.RewardSpec.percentOff(required(number("percent"), "percent"), scope);
                case AMOUNT_OFF -> NewPromotion.RewardSpec.amountOff(required(number("amount"), "amount"), scope);
                case BUY_X_GET_Y -> NewPromotion.RewardSpec.buyXGetY(orZero(whole("buy", true)),
                        orZero(whole("get", true)));
                case BUNDLE_PRICE -> NewPromotion.RewardSpec.bundle(items(), required(number("price"), "price"));
                case TIERED_SPEND -> NewPromotion.RewardSpec.tiered(tiers());
                case FREE_SHIPPING -> NewPromotion.RewardSpec.freeShipping();
            };
            BigDecimal minimumSpend = number("minimumSpend");
            Integer priority = whole("priority", false);
            Integer perCustomer = whole("perCustomerLimit", false);
            Integer budget = whole("budgetCount", false);
            if (!errors.isEmpty() || reward == null || stacking == null) {
                return null;
            }
            NewPromotion.ConditionsSpec kept = before.conditions();
            List<String> channels = Arrays.stream(typed.get("channels").split(",")).map(String::strip)
                    .filter(key -> !key.isEmpty()).toList();
            NewPromotion.ConditionsSpec conditions = new NewPromotion.ConditionsSpec(
                    channels.isEmpty() ? null : channels, kept == null ? null : kept.customerGroups(),
                    kept == null ? null : kept.segments(), minimumSpend, kept == null ? null : kept.startsAt(),
                    kept == null ? null : kept.endsAt(), kept == null ? null : kept.hours(),
                    kept == null ? null : kept.products(), kept == null ? null : kept.categories());
            String currency = typed.get("currency").isEmpty() ? null : typed.get("currency").toUpperCase(Locale.ROOT);
            return new NewPromotion(name, typed.get("description").isEmpty() ? null : typed.get("description"),
                    currency, reward, conditions, stacking, priority, !typed.get("couponRequired").isEmpty(),
                    perCustomer, budget, before.budgetAmount());
        }

        /** "2 × SKU-1" (or "2 x SKU-1", "2 SKU-1") per line. */
        private List<NewPromotion.BundleItemSpec> items() {
            List<NewPromotion.BundleItemSpec> items = new ArrayList<>();
            for (String line : typed.get("items").split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s*[×xX*]\\s*|\\s+", 2);
                try {
                    if (parts.length != 2 || parts[1].isBlank()) {
                        throw new NumberFormatException(line);
                    }
                    items.add(new NewPromotion.BundleItemSpec(parts[1].strip(), Integer.parseInt(parts[0])));
                } catch (NumberFormatException notALine) {
                    errors.putIfAbsent("items", words.get("pricing.error.bundleLine", line.strip()));
                }
            }
            if (items.isEmpty()) {
                errors.putIfAbsent("items", words.get("pricing.error.required"));
            }
            return items;
        }

        /** "10000: 1000" (spend, then off) per line. */
        private List<NewPromotion.TierSpec> tiers() {
            List<NewPromotion.TierSpec> tiers = new ArrayList<>();
            for (String line : typed.get("tiers").split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s*[:;]\\s*|\\s+", 2);
                try {
                    tiers.add(new NewPromotion.TierSpec(decimal(parts[0]), decimal(parts[1])));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException notALine) {
                    errors.putIfAbsent("tiers", words.get("pricing.error.tierLine", line.strip()));
                }
            }
            if (tiers.isEmpty()) {
                errors.putIfAbsent("tiers", words.get("pricing.error.required"));
            }
            return tiers;
        }

        private @Nullable BigDecimal number(String field) {
            String value = typed.get(field);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return decimal(value);
            } catch (NumberFormatException notANumber) {
                errors.put(field, words.get("pricing.error.number"));
                return null;
            }
        }

        private @Nullable Integer whole(String field, boolean required) {
            String value = typed.get(field);
            if (value.isEmpty()) {
                if (required) {
                    errors.put(field, words.get("pricing.error.required"));
                }
                return null;
            }
            try {
                return Integer.parseInt(value.replace(" ", ""));
            } catch (NumberFormatException notANumber) {
                errors.put(field, words.get("pricing.error.whole"));
                return null;
            }
        }

        private BigDecimal required(@Nullable BigDecimal value, String field) {
            if (value == null) {
                errors.putIfAbsent(field, words.get("pricing.error.required"));
                return BigDecimal.ZERO;
            }
            return value;
        }

        private <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String field) {
            try {
                return Enum.valueOf(type, typed.get(field));
            } catch (IllegalArgumentException notOne) {
                errors.put(field, words.get("pricing.error.choose"));
                return null;
            }
        }

        private static int orZero(@Nullable Integer value) {
            return value == null ? 0 : value;
        }

        /** Staff type decimals with a comma as often as with a point, and group thousands with spaces. */
        private static BigDecimal decimal(String typed) {
            return new BigDecimal(typed.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
        }
    }
}
