package io.throughline.console.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiAlert;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiTarget;
import io.throughline.analytics.KpiTargets;
import io.throughline.analytics.KpiValue;
import io.throughline.analytics.Kpis;
import io.throughline.analytics.Period;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffPermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly review of the key metrics the brand chose (last week against the week before, each against its band),
 * the alerts of weeks a KPI left its band, and the form that sets a KPI's target. It reads only the analytics API.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_ANALYTICS)
class KpiTargetsPages {

    static final int MAX_ALERTS = 100;

    /**
     * The target form as typed, in the units staff type (percent, whole currency units, a count, minutes); an
     * unticked box sends nothing, so the flag may be missing.
     */
    record TargetForm(@Nullable String low, @Nullable String high, @Nullable Boolean keyMetric) {

        boolean isKeyMetric() {
            return keyMetric != null && keyMetric;
        }
    }

    /** A line of the review: the KPI, last week's value, the week before's, the trend, the band and its state. */
    record ReviewLine(Kpi kpi, String value, String previous, int trend, String band, boolean offTarget) {}

    /** An alert as the review lists it. */
    record AlertLine(UUID id, Kpi kpi, String week, String value, String band) {}

    private final KpiTargets targets;
    private final Kpis kpis;
    private final KpiFormat format;
    private final BrandCalendar calendar;
    private final MessageSource texts;
    private final String currency;

    KpiTargetsPages(KpiTargets targets, Kpis kpis, KpiFormat format, BrandCalendar calendar, MessageSource texts,
            @Value("${throughline.analytics.currency:HUF}") String currency) {
        this.targets = targets;
        this.kpis = kpis;
        this.format = format;
        this.calendar = calendar;
        this.texts = texts;
        this.currency = currency;
    }

    @GetMapping("/analytics/review")
    String review(Model model) {
        Period week = targets.lastWeek();
        KpiQuery query = new KpiQuery(week, null, currency);
        List<ReviewLine> key = new ArrayList<>();
        List<ReviewLine> watched = new ArrayList<>();
        for (KpiTarget target : targets.all()) {
            (target.keyMetric() ? key : watched).add(line(kpis.value(target.kpi(), query), target));
        }
        model.addAttribute("area", ConsoleArea.ANALYTICS);
        model.addAttribute("from", calendar.day(week.from()).toString());
        model.addAttribute("to", calendar.day(week.to()).minusDays(1).toString());
        model.addAttribute("keyMetrics", key);
        model.addAttribute("watched", watched);
        model.addAttribute("alerts", targets.alerts(true, MAX_ALERTS).stream().map(this::alertLine).toList());
        return "console/analytics/review";
    }

    @GetMapping("/analytics/targets/{key}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_KPI_TARGETS)
    String targetForm(@PathVariable String key, Model model) {
        Kpi kpi = kpi(key);
        KpiTarget target = targets.of(kpi).orElse(null);
        return form(kpi, target == null ? new TargetForm("", "", false)
                : new TargetForm(KpiFormat.typed(kpi, target.low(), currency),
                        KpiFormat.typed(kpi, target.high(), currency), target.keyMetric()), Map.of(), model);
    }

    @PostMapping("/analytics/targets/{key}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_KPI_TARGETS)
    String saveTarget(@PathVariable String key, @ModelAttribute("target") TargetForm typed, Model model,
            Authentication staff, RedirectAttributes redirect) {
        Kpi kpi = kpi(key);
        Map<String, String> errors = new LinkedHashMap<>();
        Double low = bound("low", kpi, typed.low(), errors);
        Double high = bound("high", kpi, typed.high(), errors);
        if (errors.isEmpty()) {
            try {
                targets.set(kpi, low, high, typed.isKeyMetric(), CurrentStaff.id(staff));
            } catch (InvalidRequestException refused) {
                errors.put(refused.field(), refused.reason());
            }
        }
        if (!errors.isEmpty()) {
            return form(kpi, typed, errors, model);
        }
        redirect.addFlashAttribute("notice", texts.getMessage("analytics.target.saved",
                new Object[] {texts.getMessage("analytics.kpi." + kpi.key(), null, LocaleContextHolder.getLocale())},
                LocaleContextHolder.getLocale()));
        return "redirect:/analytics/review";
    }

    @PostMapping("/analytics/alerts/{id}/acknowledge")
    @PreAuthorize(StaffPermission.Rules.MANAGE_KPI_TARGETS)
    String acknowledge(@PathVariable UUID id) {
        targets.acknowledge(id);
        return "redirect:/analytics/review";
    }

    private String form(Kpi kpi, TargetForm typed, Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.ANALYTICS);
        model.addAttribute("kpi", kpi);
        model.addAttribute("target", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("unitKey", kpi.unit().name());
        model.addAttribute("currency", currency);
        return "console/analytics/target";
    }

    private @Nullable Double bound(String field, Kpi kpi, @Nullable String typed, Map<String, String> errors) {
        try {
            return KpiFormat.parse(field, kpi, typed, currency);
        } catch (InvalidRequestException refused) {
            errors.put(field, refused.reason());
            return null;
        }
    }

    private ReviewLine line(KpiValue value, KpiTarget target) {
        Double now = value.value();
        Double before = value.previous();
        return new ReviewLine(value.kpi(), format.format(value.kpi(), now, currency),
                format.format(value.kpi(), before, currency),
                now == null || before == null ? 0 : Double.compare(now, before), band(target), !target.holds(now));
    }

    private AlertLine alertLine(KpiAlert alert) {
        return new AlertLine(alert.id(), alert.kpi(), calendar.day(alert.period().from()) + " – "
                + calendar.day(alert.period().to()).minusDays(1), format.format(alert.kpi(), alert.value(), currency),
                band(new KpiTarget(alert.kpi(), alert.low(), alert.high(), false, null, alert.raisedAt())));
    }

    private String band(KpiTarget target) {
        return format.band(target, currency);
    }

    private static Kpi kpi(String key) {
        return Kpi.byKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
    }
}
