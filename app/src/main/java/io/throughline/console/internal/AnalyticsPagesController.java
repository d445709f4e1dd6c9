package io.throughline.console.internal;

import io.throughline.analytics.Analytics;
import io.throughline.analytics.Audience;
import io.throughline.analytics.JourneyLifts;
import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.AttributionModel;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue;
import io.throughline.analytics.KpiTarget;
import io.throughline.analytics.KpiTargets;
import io.throughline.analytics.Kpis;
import io.throughline.analytics.Period;
import io.throughline.journeys.Journey;
import io.throughline.journeys.Journeys;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.StaffPermission;
import io.throughline.tracking.Channels;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared dashboard: every KPI as a tile with its trend against the period before, filtered by period and by
 * channel (a shop is a channel), revenue and orders month by month, the attribution models side by side, a KPI's
 * drill-down by month and channel, and the tiles as CSV. It reads only the analytics module's API.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_ANALYTICS)
class AnalyticsPagesController {

    /** The filter as typed, kept so that a refused value is shown back at its field. */
    record Filter(String from, String to, String channel, String segment) {}

    /** A tile: the KPI, its value and the one before, whether it rose, and its target's band if it has one. */
    record Tile(Kpi kpi, String value, String previous, int trend, String band, boolean offTarget) {}

    private final Kpis kpis;
    private final Analytics analytics;
    private final Channels channels;
    private final Sources sources;
    private final MoneyFormat money;
    private final JsonMapper json;
    private final String currency;
    private final BrandCalendar calendar;
    private final java.time.Clock clock;
    private final KpiFormat kpiFormat;
    private final KpiTargets targets;
    private final SegmentAudiences audiences;
    private final Journeys journeys;
    private final JourneyLifts lifts;

    AnalyticsPagesController(Kpis kpis, Analytics analytics, Channels channels, Sources sources, MoneyFormat money,
            JsonMapper json, @Value("${throughline.analytics.currency:HUF}") String currency, BrandCalendar calendar,
            java.time.Clock clock, KpiFormat kpiFormat, KpiTargets targets, SegmentAudiences audiences,
            Journeys journeys, JourneyLifts lifts) {
        this.audiences = audiences;
        this.journeys = journeys;
        this.lifts = lifts;
        this.kpiFormat = kpiFormat;
        this.targets = targets;
        this.calendar = calendar;
        this.clock = clock;
        this.kpis = kpis;
        this.analytics = analytics;
        this.channels = channels;
        this.sources = sources;
        this.money = money;
        this.json = json;
        this.currency = currency;
    }

    @GetMapping("/analytics")
    String dashboard(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String segment, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        KpiQuery query = query(from, to, channel, segment, errors);
        model.addAttribute("area", ConsoleArea.ANALYTICS);
        model.addAttribute("filter", new Filter(from == null ? day(query.period().from()) : from,
                to == null ? day(query.period().to()) : to, channel == null ? "" : channel,
                segment == null ? "" : segment));
        model.addAttribute("segments", audiences.choices());
        model.addAttribute("errors", errors);
        model.addAttribute("channels", sources.list().stream().map(Source::channel).sorted().distinct().toList());
        model.addAttribute("tiles", tiles(kpis.all(query)));
        model.addAttribute("openAlerts", targets.alerts(true, KpiTargetsPages.MAX_ALERTS).size());
        monthly(query, model);
        attribution(query, model);
        model.addAttribute("lifts", lifts(query));
        return "console/analytics/dashboard";
    }

    @GetMapping("/analytics/kpis/{key}")
    String drillDown(@PathVariable String key, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String segment, Model model) {
        Kpi kpi = Kpi.byKey(key).orElseThrow(() -> new io.throughline.platform.NotFoundException("KPI", key));
        Map<String, String> errors = new LinkedHashMap<>();
        KpiQuery query = query(from, to, channel, segment, errors);
        model.addAttribute("area", ConsoleArea.ANALYTICS);
        model.addAttribute("kpi", kpi);
        model.addAttribute("filter", new Filter(day(query.period().from()), day(query.period().to()),
                channel == null ? "" : channel, segment == null ? "" : segment));
        model.addAttribute("errors", errors);
        model.addAttribute("tile", tile(kpis.value(kpi, query), targets.of(kpi).orElse(null)));
        List<Tile> perChannel = new ArrayList<>();
        List<String> keys = sources.list().stream().map(Source::channel).sorted().distinct().toList();
        for (String each : keys) {
            perChannel.add(tile(kpis.value(kpi, new KpiQuery(query.period(), channels.resolve(each), currency,
                    query.audience()))));
        }
        model.addAttribute("perChannel", perChannel);
        model.addAttribute("channelKeys", keys);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (YearMonth month : months(query.period())) {
            labels.add(month.toString());
            KpiValue value = kpis.value(kpi, new KpiQuery(monthPeriod(month), query.channel(), currency,
                    query.audience()));
            values.add(value.value() == null ? 0 : chartValue(kpi, value.value()));
        }
        model.addAttribute("chartLabels", json.writeValueAsString(labels));
        model.addAttribute("chartSeries", json.writeValueAsString(List.of(Map.of("label", kpi.key(), "data", values))));
        return "console/analytics/kpi";
    }

    @GetMapping("/analytics/export.csv")
    ResponseEntity<String> export(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String segment) {
        Map<String, String> errors = new LinkedHashMap<>();
        KpiQuery query = query(from, to, channel, segment, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.keySet().iterator().next(), errors.values().iterator().next());
        }
        StringBuilder csv = new StringBuilder("kpi,version,from,to,channel,segment,currency,value,numerator,"
                + "denominator,previous\n");
        for (KpiValue value : kpis.all(query)) {
            csv.append(String.join(",", value.kpi().key(), Integer.toString(value.version()),
                    day(query.period().from()), day(query.period().to()),
                    query.channelKey() == null ? "" : query.channelKey(),
                    query.audience() == null ? "" : query.audience().name(), value.currency(),
                    number(value.value()), number(value.numerator()), number(value.denominator()),
                    number(value.previous()))).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-" + day(query.period().from())
                        + "-" + day(query.period().to()) + ".csv\"")
                .body(csv.toString());
    }

    private KpiQuery query(@Nullable String from, @Nullable String to, @Nullable String channel,
            @Nullable String segment, Map<String, String> errors) {
        LocalDate end = parse("to", to, calendar.day(clock.instant()).plusDays(1), errors);
        LocalDate start = parse("from", from, end.minusDays(90), errors);
        if (!end.isAfter(start)) {
            errors.put("to", "must be after from");
            start = end.minusDays(90);
        }
        Channel resolved = null;
        if (channel != null && !channel.isBlank()) {
            try {
                resolved = channels.resolve(channel);
            } catch (InvalidRequestException unknown) {
                errors.put("channel", unknown.reason());
            }
        }
        Audience audience = null;
        try {
            audience = audiences.of(segment);
        } catch (InvalidRequestException refused) {
            errors.put("segment", refused.reason());
        }
        return new KpiQuery(calendar.days(start, end), resolved, currency, audience);
    }

    private static LocalDate parse(String field, @Nullable String value, LocalDate otherwise,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            errors.put(field, "must be a day such as 2026-03-01");
            return otherwise;
        }
    }

    private void monthly(KpiQuery query, Model model) {
        List<String> labels = new ArrayList<>();
        List<Double> revenue = new ArrayList<>();
        List<Double> orders = new ArrayList<>();
        for (YearMonth month : months(query.period())) {
            KpiQuery monthQuery = new KpiQuery(monthPeriod(month), query.channel(), currency, query.audience());
            labels.add(month.toString());
            revenue.add(chartValue(Kpi.REVENUE, kpis.value(Kpi.REVENUE, monthQuery).numerator()));
            orders.add(kpis.value(Kpi.ORDERS, monthQuery).numerator());
        }
        model.addAttribute("monthLabels", json.writeValueAsString(labels));
        model.addAttribute("monthSeries", json.writeValueAsString(List.of(
                Map.of("label", "revenue", "data", revenue), Map.of("label", "orders", "data", orders))));
    }

    private void attribution(KpiQuery query, Model model) {
        var report = analytics.attribution(query.period(), Duration.ofDays(30), currency);
        TreeSet<String> channelKeys = new TreeSet<>();
        report.credits().values().forEach(credits -> channelKeys.addAll(credits.keySet()));
        List<Map<String, Object>> series = new ArrayList<>();
        for (AttributionModel model1 : AttributionModel.values()) {
            Map<String, Double> credits = report.credits().get(model1);
            series.add(Map.of("label", model1.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    "data", channelKeys.stream().map(key -> chartValue(Kpi.REVENUE, credits.getOrDefault(key, 0.0)))
                            .toList()));
        }
        model.addAttribute("attributionLabels", json.writeValueAsString(channelKeys));
        model.addAttribute("attributionSeries", json.writeValueAsString(series));
        model.addAttribute("attribution", report);
        model.addAttribute("attributionChannels", List.copyOf(channelKeys));
    }

    /** A journey's lift beside the attribution models: the groups' conversion and the difference with its interval. */
    record LiftLine(String journey, String name, long treated, long heldOut, String treatedRate, String heldOutRate,
            String lift, String interval) {}

    /** The lift of each journey with a control group that held someone out in the period. */
    private List<LiftLine> lifts(KpiQuery query) {
        List<LiftLine> lines = new ArrayList<>();
        for (Journey journey : journeys.list(new io.throughline.platform.PageRequest(0, 50)).items()) {
            JourneyLifts.JourneyLift lift = lifts.lift(journey.key(), query.period(), Duration.ofDays(14), currency);
            if (lift.heldOut() > 0) {
                lines.add(new LiftLine(journey.key(), journey.name(), lift.treated(), lift.heldOut(),
                        format(Kpi.CONVERSION_RATE, lift.treatedRate()), format(Kpi.CONVERSION_RATE, lift.heldOutRate()),
                        String.format(Locale.ROOT, "%+.1f pp", lift.lift() * 100),
                        String.format(Locale.ROOT, "%+.1f … %+.1f pp", lift.low() * 100, lift.high() * 100)));
            }
        }
        return lines;
    }

    private Tile tile(KpiValue value) {
        return tile(value, null);
    }

    private Tile tile(KpiValue value, @Nullable KpiTarget target) {
        Double now = value.value();
        Double before = value.previous();
        int trend = now == null || before == null ? 0 : Double.compare(now, before);
        return new Tile(value.kpi(), format(value.kpi(), now), format(value.kpi(), before), trend,
                target == null ? "" : band(target), target != null && !target.holds(now));
    }

    String band(KpiTarget target) {
        return kpiFormat.band(target, currency);
    }

    /** Tiles of every KPI, each with its target's band. */
    List<Tile> tiles(List<KpiValue> values) {
        Map<Kpi, KpiTarget> bands = new java.util.EnumMap<>(Kpi.class);
        targets.all().forEach(target -> bands.put(target.kpi(), target));
        return values.stream().map(value -> tile(value, bands.get(value.kpi()))).toList();
    }

    String format(Kpi kpi, @Nullable Double value) {
        return kpiFormat.format(kpi, value, currency);
    }

    /** Money in the currency's whole units for charts, shares in percent. */
    private double chartValue(Kpi kpi, double value) {
        return switch (kpi.unit()) {
            case MONEY -> Money.zero(currency).fractionDigits() == 0 ? value
                    : value / Math.pow(10, Money.zero(currency).fractionDigits());
            case RATIO -> value * 100;
            case COUNT -> value;
            case DURATION -> value / 3600;
        };
    }

    private List<YearMonth> months(Period period) {
        YearMonth first = calendar.month(period.from());
        YearMonth last = calendar.month(period.to().minusSeconds(1));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last) && months.size() < 36; month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private Period monthPeriod(YearMonth month) {
        return calendar.month(month);
    }

    private String day(java.time.Instant at) {
        return calendar.day(at).toString();
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : BigDecimalText.of(value);
    }

    /** Plain decimal text without exponent, as spreadsheets read it. */
    private static final class BigDecimalText {
        static String of(double value) {
            return new java.math.BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }
    }
}
