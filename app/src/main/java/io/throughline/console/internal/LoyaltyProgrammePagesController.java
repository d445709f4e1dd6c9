package io.throughline.console.internal;

import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Loyalty;
import io.throughline.loyalty.LoyaltyProgrammes;
import io.throughline.loyalty.Programme;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.Promotions;
import io.throughline.tracking.Channels;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The loyalty programme's page: its earning rules, its tiers and its rewards, each a form of rows an admin or a
 * marketer edits (an empty row adds one, emptying a row removes it). A refused form comes back as it was typed,
 * each refusal at its row's field, the module's own refusals included; the other forms show what is in force.
 */
@Controller
@RequestMapping("/loyalty")
@PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
class LoyaltyProgrammePagesController {

    private static final List<String> RATE_FIELDS = List.of("channel", "currency", "spend", "points", "minSpend");
    private static final List<String> TIER_FIELDS = List.of("id", "name", "threshold", "earnPercent",
            "birthdayPoints");
    private static final List<String> REWARD_FIELDS = List.of("id", "name", "points", "couponBatchId", "active");

    private final Loyalty loyalty;
    private final LoyaltyProgrammes programmes;
    private final Promotions promotions;
    private final Channels channels;
    private final Sources sources;
    private final MessageSource messages;
    private final Clock clock;

    LoyaltyProgrammePagesController(Loyalty loyalty, LoyaltyProgrammes programmes, Promotions promotions,
            Channels channels, Sources sources, MessageSource messages, Clock clock) {
        this.sources = sources;
        this.loyalty = loyalty;
        this.programmes = programmes;
        this.promotions = promotions;
        this.channels = channels;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        return page(model, Map.of(), null, null, null, null);
    }

    @PostMapping("/rules")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    String saveRules(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Programme current = loyalty.programme().orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, String>> rows = TypedRows.of(form, "rate.", RATE_FIELDS);
        String name = form.getFirst("name") == null ? "" : form.getFirst("name").strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", text("loyalty.programme.error.name"));
        }
        Integer expiry = TypedRows.integer(form.getFirst("expiryDays"));
        if (expiry == null || expiry < 1 || expiry > 3650) {
            errors.put("expiryDays", text("loyalty.programme.error.expiry"));
        }
        List<EarnRules.Rate> rates = new ArrayList<>();
        List<Integer> kept = TypedRows.kept(rows);
        for (int i : kept) {
            Map<String, String> row = rows.get(i);
            String currency = row.get("currency").toUpperCase(java.util.Locale.ROOT);
            String channel = row.get("channel").isEmpty() ? null : row.get("channel");
            if (channel != null && channels.find(channel).isEmpty()) {
                errors.put("rate[" + i + "].channel", text("loyalty.programme.error.channel"));
            }
            Long spend = TypedRows.minor(row.get("spend"), currency);
            Long minSpend = row.get("minSpend").isEmpty() ? Long.valueOf(0) : TypedRows.minor(row.get("minSpend"),
                    currency);
            Integer points = TypedRows.integer(row.get("points"));
            if (!currency.matches("[A-Z]{3}") || !TypedRows.knownCurrency(currency)) {
                errors.put("rate[" + i + "].currency", text("loyalty.programme.error.currency"));
            } else if (spend == null || spend <= 0) {
                errors.put("rate[" + i + "].spend", text("loyalty.programme.error.spend"));
            }
            if (points == null || points < 1 || points > 1_000_000) {
                errors.put("rate[" + i + "].points", text("loyalty.programme.error.points"));
            }
            if (minSpend == null || minSpend < 0) {
                errors.put("rate[" + i + "].minSpend", text("loyalty.programme.error.spend"));
            }
            if (spend != null && points != null && minSpend != null) {
                rates.add(new EarnRules.Rate(channel, currency, spend, points, minSpend));
            }
        }
        if (errors.isEmpty()) {
            try {
                Map<String, Long> values = new HashMap<>(current == null ? Map.of() : current.minorPerPoint());
                rates.forEach(rate -> values.putIfAbsent(rate.currency(), 100L));
                programmes.saveProgramme(name, expiry, values, new EarnRules(rates,
                        current == null ? List.of() : current.rules().multipliers()));
                redirect.addFlashAttribute("notice", text("loyalty.programme.saved.rules"));
                return "redirect:/loyalty";
            } catch (InvalidRequestException refused) {
                errors.put(TypedRows.rowField(refused.field(), "rates", "rate", kept), refused.reason());
            } catch (ConflictException refused) {
                errors.put("name", refused.getMessage());
            }
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("name", name);
        typed.put("expiryDays", form.getFirst("expiryDays") == null ? "" : form.getFirst("expiryDays"));
        return page(model, errors, typed, rows, null, null);
    }

    @PostMapping("/tiers")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    String saveTiers(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, String>> rows = TypedRows.of(form, "tier.", TIER_FIELDS);
        TierRules.Basis basis = "SPEND".equals(form.getFirst("basis")) ? TierRules.Basis.SPEND
                : TierRules.Basis.POINTS;
        Integer window = TypedRows.integer(form.getFirst("windowDays"));
        if (window == null) {
            errors.put("windowDays", text("loyalty.programme.error.window"));
        }
        String currency = form.getFirst("currency") == null || form.getFirst("currency").isBlank() ? null
                : form.getFirst("currency").strip().toUpperCase(java.util.Locale.ROOT);
        List<Tier> tiers = new ArrayList<>();
        List<Integer> kept = TypedRows.kept(rows);
        for (int i : kept) {
            Map<String, String> row = rows.get(i);
            Long threshold = basis == TierRules.Basis.SPEND && currency != null && TypedRows.knownCurrency(currency)
                    ? TypedRows.minor(row.get("threshold"), currency) : TypedRows.longValue(row.get("threshold"));
            Integer percent = row.get("earnPercent").isEmpty() ? Integer.valueOf(100)
                    : TypedRows.integer(row.get("earnPercent"));
            Long birthday = row.get("birthdayPoints").isEmpty() ? Long.valueOf(0)
                    : TypedRows.longValue(row.get("birthdayPoints"));
            if (threshold == null) {
                errors.put("tier[" + i + "].threshold", text("loyalty.programme.error.number"));
            }
            if (percent == null) {
                errors.put("tier[" + i + "].earnPercent", text("loyalty.programme.error.number"));
            }
            if (birthday == null) {
                errors.put("tier[" + i + "].birthdayPoints", text("loyalty.programme.error.number"));
            }
            if (threshold != null && percent != null && birthday != null) {
                tiers.add(new Tier(TypedRows.idOr(row.get("id"), Ids.newId(clock)), 0, row.get("name"), threshold,
                        percent, birthday));
            }
        }
        if (errors.isEmpty()) {
            try {
                programmes.saveTiers(new TierRules(basis, window, currency, tiers));
                redirect.addFlashAttribute("notice", text("loyalty.programme.saved.tiers"));
                return "redirect:/loyalty";
            } catch (InvalidRequestException refused) {
                errors.put(TypedRows.rowField(refused.field(), "tiers", "tier", kept), refused.reason());
            } catch (NotFoundException noProgramme) {
                errors.put("windowDays", text("loyalty.programme.error.noProgramme"));
            }
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("basis", basis.name());
        typed.put("windowDays", form.getFirst("windowDays") == null ? "" : form.getFirst("windowDays"));
        typed.put("currency", currency == null ? "" : currency);
        return page(model, errors, typed, null, rows, null);
    }

    @PostMapping("/rewards")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    String saveRewards(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Map<String, String>> rows = TypedRows.of(form, "reward.", REWARD_FIELDS);
        List<Reward> rewards = new ArrayList<>();
        List<Integer> kept = TypedRows.kept(rows);
        for (int i : kept) {
            Map<String, String> row = rows.get(i);
            Long points = TypedRows.longValue(row.get("points"));
            UUID batch = TypedRows.idOr(row.get("couponBatchId"), null);
            if (points == null) {
                errors.put("reward[" + i + "].points", text("loyalty.programme.error.number"));
            }
            if (batch == null) {
                errors.put("reward[" + i + "].couponBatchId", text("loyalty.programme.error.batch"));
            }
            if (points != null && batch != null) {
                rewards.add(new Reward(TypedRows.idOr(row.get("id"), Ids.newId(clock)), row.get("name"), points, batch,
                        !"false".equals(row.get("active"))));
            }
        }
        // Rewards left out of the form stay, no longer offered: the form lists every reward ever made.
        if (errors.isEmpty()) {
            try {
                programmes.saveRewards(rewards);
                redirect.addFlashAttribute("notice", text("loyalty.programme.saved.rewards"));
                return "redirect:/loyalty";
            } catch (InvalidRequestException refused) {
                errors.put(TypedRows.rowField(refused.field(), "rewards", "reward", kept), refused.reason());
            }
        }
        return page(model, errors, null, null, null, rows);
    }

    private String page(Model model, Map<String, String> errors, @Nullable Map<String, String> typed,
            @Nullable List<Map<String, String>> rateRows, @Nullable List<Map<String, String>> tierRows,
            @Nullable List<Map<String, String>> rewardRows) {
        Programme programme = loyalty.programme().orElse(null);
        TierRules tiers = programmes.tierRules();
        model.addAttribute("programme", programme);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("tierRules", tiers);
        model.addAttribute("rateRows", rateRows != null ? rateRows : TypedRows.withBlank(programme == null ? List.of()
                : programme.rules().rates().stream().map(TypedRows::rate).toList(), RATE_FIELDS, 1));
        model.addAttribute("tierRows", tierRows != null ? tierRows : TypedRows.withBlank(tiers.tiers().stream()
                .map(tier -> TypedRows.tier(tier, tiers)).toList(), TIER_FIELDS, 1));
        model.addAttribute("rewardRows", rewardRows != null ? rewardRows : TypedRows.withBlank(programmes.rewards()
                .stream().map(TypedRows::reward).toList(), REWARD_FIELDS, 1));
        model.addAttribute("batches", promotions.batches(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(batch -> batch.kind() == CouponBatch.Kind.UNIQUE).toList());
        model.addAttribute("channelChoices", sources.list().stream().map(Source::channel).distinct().sorted().toList());
        return "console/loyalty/programme";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
