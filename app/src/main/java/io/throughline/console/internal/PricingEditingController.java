package io.throughline.console.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.PageRequest;
import io.throughline.platform.ThroughlineException;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.NewCouponBatch;
import io.throughline.pricing.NewPrice;
import io.throughline.pricing.NewPriceList;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import io.throughline.pricing.PromotionView;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.RewardScope;
import io.throughline.pricing.Stacking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms marketers price with: a new promotion (the rewards staff set by hand: a percentage or an amount
 * off, buy X get Y, free shipping; bundles and spend tiers stay with the API), a coupon batch for a promotion,
 * a new price list and a SKU's price on a list. Each comes back with what was typed and each refusal at its
 * field, the module's own refusals included.
 */
@Controller
@RequestMapping("/pricing")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRICES)
class PricingEditingController {

    /** The reward types a person sets in the form. */
    enum FormReward {
        PERCENT_OFF, AMOUNT_OFF, BUY_X_GET_Y, FREE_SHIPPING
    }

    /** A promotion as typed; channels are comma-separated keys. */
    record PromotionForm(@NotBlank @Size(max = 100) @Nullable String name, @Size(max = 500) @Nullable String description,
            @NotNull @Nullable FormReward rewardType, @Nullable BigDecimal percent, @Nullable BigDecimal amount,
            @Nullable RewardScope scope, @Nullable Integer buy, @Nullable Integer get, @Nullable String currency,
            @Nullable String channels, @Nullable BigDecimal minimumSpend, @NotNull @Nullable Stacking stacking,
            @Min(-1_000_000) @Max(1_000_000) @Nullable Integer priority, @Nullable Boolean couponRequired,
            @Min(1) @Max(1_000_000) @Nullable Integer perCustomerLimit,
            @Min(1) @Max(1_000_000_000) @Nullable Integer budgetCount) {}

    /** A price list as typed. */
    record PriceListForm(@NotBlank @Size(max = 100) @Nullable String name,
            @NotBlank @Size(min = 3, max = 3) @Nullable String currency, @Nullable String channels,
            @Size(max = 50) @Nullable String customerGroup, @Min(-1_000_000) @Max(1_000_000) @Nullable Integer priority) {}

    /** One SKU's price as typed; the price stays text so that "cheap" comes back as it was, refused. */
    record PriceForm(@NotBlank @Nullable String sku, @NotBlank @Nullable String price) {}

    /** A coupon batch as typed. */
    record BatchForm(@NotNull @Nullable UUID promotionId, @NotBlank @Size(max = 100) @Nullable String name,
            @NotNull CouponBatch.@Nullable Kind kind, @Nullable String code, @Nullable String prefix,
            @Min(1) @Max(100_000) @Nullable Integer count) {}

    private final Promotions promotions;
    private final PriceLists priceLists;
    private final MessageSource messages;

    PricingEditingController(Promotions promotions, PriceLists priceLists, MessageSource messages) {
        this.promotions = promotions;
        this.priceLists = priceLists;
        this.messages = messages;
    }

    /** Fields left empty are not given. */
    @InitBinder
    void emptyIsNotGiven(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/promotions/new")
    String newPromotion(Model model) {
        model.addAttribute("promotion", new PromotionForm(null, null, FormReward.PERCENT_OFF, null, null,
                RewardScope.ORDER, null, null, "HUF", null, null, Stacking.STACKABLE, 0, false, null, null));
        return promotionPage(model, Map.of());
    }

    @PostMapping("/promotions/new")
    String createPromotion(@Valid @ModelAttribute("promotion") PromotionForm typed, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (!form.hasErrors() && typed.rewardType() != null && typed.stacking() != null && typed.name() != null) {
            try {
                PromotionView created = promotions.create(definition(typed));
                redirect.addFlashAttribute("notice", text("pricing.notice.promotion", created.definition().name()));
                return "redirect:/pricing/promotions";
            } catch (InvalidRequestException | ConflictException refused) {
                reject(form, refused, PROMOTION_FIELDS);
            }
        }
        return promotionPage(model, FormErrors.of(form));
    }

    @GetMapping("/price-lists/new")
    String newPriceList(Model model) {
        model.addAttribute("priceList", new PriceListForm(null, "HUF", null, null, 0));
        return priceListPage(model, Map.of());
    }

    @PostMapping("/price-lists/new")
    String createPriceList(@Valid @ModelAttribute("priceList") PriceListForm typed, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (!form.hasErrors() && typed.name() != null && typed.currency() != null) {
            try {
                PriceList created = priceLists.create(new NewPriceList(typed.name(),
                        typed.currency().toUpperCase(Locale.ROOT), keys(typed.channels()), typed.customerGroup(),
                        null, null, typed.priority()));
                redirect.addFlashAttribute("notice", text("pricing.notice.priceList", created.name()));
                return "redirect:/pricing/price-lists/" + created.id();
            } catch (InvalidRequestException | ConflictException refused) {
                reject(form, refused, Map.of("name", "name", "currency", "currency", "channels", "channels",
                        "customerGroup", "customerGroup"));
            }
        }
        return priceListPage(model, FormErrors.of(form));
    }

    @GetMapping("/price-lists/{id}/prices/new")
    String newPrice(@PathVariable UUID id, Model model) {
        model.addAttribute("price", new PriceForm(null, null));
        return pricePage(priceLists.get(id), model, Map.of());
    }

    @PostMapping("/price-lists/{id}/prices/new")
    String setPrice(@PathVariable UUID id, @Valid @ModelAttribute("price") PriceForm typed, BindingResult form,
            Model model, RedirectAttributes redirect) {
        PriceList list = priceLists.get(id);
        BigDecimal amount = decimal(typed.price(), "price", form);
        if (!form.hasErrors() && typed.sku() != null && amount != null) {
            try {
                priceLists.setPrices(id, List.of(new NewPrice(typed.sku(), amount)));
                redirect.addFlashAttribute("notice", text("pricing.notice.price", typed.sku()));
                return "redirect:/pricing/price-lists/" + id;
            } catch (InvalidRequestException | ConflictException refused) {
                // The list's answer names the price's place in the batch of one: prices[0].price.
                reject(form, refused, Map.of("prices[0].sku", "sku", "prices[0].price", "price", "sku", "sku",
                        "price", "price"));
            }
        }
        return pricePage(list, model, FormErrors.of(form));
    }

    @GetMapping("/coupon-batches/new")
    String newBatch(Model model) {
        model.addAttribute("batch", new BatchForm(null, null, CouponBatch.Kind.UNIQUE, null, null, null));
        return batchPage(model, Map.of());
    }

    @PostMapping("/coupon-batches/new")
    String createBatch(@Valid @ModelAttribute("batch") BatchForm typed, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (typed.kind() == CouponBatch.Kind.SHARED && typed.code() == null) {
            FormErrors.reject(form, "code", "required", text("pricing.error.sharedCode"));
        }
        if (typed.kind() == CouponBatch.Kind.UNIQUE && typed.prefix() == null) {
            FormErrors.reject(form, "prefix", "required", text("pricing.error.prefix"));
        }
        if (typed.kind() == CouponBatch.Kind.UNIQUE && typed.count() == null && !form.hasFieldErrors("count")) {
            FormErrors.reject(form, "count", "required", text("pricing.error.count"));
        }
        if (!form.hasErrors() && typed.promotionId() != null && typed.name() != null && typed.kind() != null) {
            try {
                CouponBatch created = promotions.createBatch(typed.promotionId(), new NewCouponBatch(typed.name(),
                        typed.kind(), typed.kind() == CouponBatch.Kind.SHARED ? typed.code() : null,
                        typed.kind() == CouponBatch.Kind.UNIQUE ? typed.prefix() : null,
                        typed.kind() == CouponBatch.Kind.UNIQUE ? typed.count() : null));
                redirect.addFlashAttribute("notice", text("pricing.notice.batch", created.name()));
                return "redirect:/pricing/coupon-batches";
            } catch (InvalidRequestException | ConflictException refused) {
                reject(form, refused, Map.of("name", "name", "code", "code", "prefix", "prefix", "count", "count",
                        "promotionId", "promotionId"));
            }
        }
        return batchPage(model, FormErrors.of(form));
    }

    private static final Map<String, String> PROMOTION_FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("description", "description"), Map.entry("currency", "currency"),
            Map.entry("reward.percent", "percent"), Map.entry("reward.amount", "amount"),
            Map.entry("reward.scope", "scope"), Map.entry("reward.buy", "buy"), Map.entry("reward.get", "get"),
            Map.entry("conditions.channels", "channels"), Map.entry("conditions.minimumSpend", "minimumSpend"),
            Map.entry("perCustomerLimit", "perCustomerLimit"), Map.entry("budgetCount", "budgetCount"));

    private static NewPromotion definition(PromotionForm typed) {
        NewPromotion.RewardSpec reward = switch (typed.rewardType()) {
            case PERCENT_OFF -> new NewPromotion.RewardSpec(NewPromotion.RewardType.PERCENT_OFF, typed.percent(),
                    typed.scope(), null, null, null, null, null, null);
            case AMOUNT_OFF -> new NewPromotion.RewardSpec(NewPromotion.RewardType.AMOUNT_OFF, null, typed.scope(),
                    typed.amount(), null, null, null, null, null);
            case BUY_X_GET_Y -> new NewPromotion.RewardSpec(NewPromotion.RewardType.BUY_X_GET_Y, null, null, null,
                    typed.buy(), typed.get(), null, null, null);
            case FREE_SHIPPING -> NewPromotion.RewardSpec.freeShipping();
        };
        List<String> channels = keys(typed.channels());
        NewPromotion.ConditionsSpec conditions = new NewPromotion.ConditionsSpec(channels.isEmpty() ? null : channels,
                null, null, typed.minimumSpend(), null, null, null, null, null);
        boolean hasAmounts = typed.rewardType() == FormReward.AMOUNT_OFF || typed.minimumSpend() != null;
        return new NewPromotion(typed.name(), typed.description(),
                hasAmounts && typed.currency() != null ? typed.currency().toUpperCase(Locale.ROOT) : null, reward,
                conditions, typed.stacking(), typed.priority(), typed.couponRequired(), typed.perCustomerLimit(),
                typed.budgetCount(), null);
    }

    private @Nullable BigDecimal decimal(@Nullable String typed, String field, BindingResult form) {
        if (typed == null) {
            return null;
        }
        try {
            // Staff type decimals with a comma as often as with a point.
            return new BigDecimal(typed.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            FormErrors.reject(form, field, "number", text("pricing.error.number"));
            return null;
        }
    }

    /** "web, app" as {@code [web, app]}. */
    private static List<String> keys(@Nullable String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(key -> !key.isEmpty()).toList();
    }

    private String promotionPage(Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "promotions");
        model.addAttribute("rewardTypes", FormReward.values());
        model.addAttribute("scopes", RewardScope.values());
        model.addAttribute("stackings", Stacking.values());
        model.addAttribute("errors", errors);
        return "console/pricing/promotion-form";
    }

    private String priceListPage(Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "lists");
        model.addAttribute("errors", errors);
        return "console/pricing/price-list-form";
    }

    private String pricePage(PriceList list, Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "lists");
        model.addAttribute("list", list);
        model.addAttribute("errors", errors);
        return "console/pricing/price-form";
    }

    private String batchPage(Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.PRICING);
        model.addAttribute("tab", "batches");
        // A brand runs tens of promotions at a time; one page holds them for the choice.
        model.addAttribute("promotionChoices", promotions.list(new PageRequest(0, PageRequest.MAX_SIZE)).items());
        model.addAttribute("kinds", CouponBatch.Kind.values());
        model.addAttribute("errors", errors);
        return "console/pricing/batch-form";
    }

    /** A module's refusal goes to the form's field it names, or above the form when it names none of them. */
    private static void reject(BindingResult form, ThroughlineException refused, Map<String, String> fields) {
        String field = refused instanceof InvalidRequestException invalid ? invalid.field()
                : ((ConflictException) refused).field();
        String message = refused instanceof InvalidRequestException invalid ? invalid.reason() : refused.getMessage();
        String formField = fields.get(field);
        if (formField != null) {
            FormErrors.reject(form, formField, "rejected", message);
        } else {
            form.reject("rejected", message);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
