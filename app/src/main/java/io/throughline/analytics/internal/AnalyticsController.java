package io.throughline.analytics.internal;

import static io.throughline.platform.StaffPermission.Rules.MANAGE_MARKETING_SPEND;
import static io.throughline.platform.StaffPermission.Rules.READ_ANALYTICS;
import static io.throughline.platform.StaffPermission.Rules.READ_CUSTOMERS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.analytics.Analytics;
import io.throughline.analytics.Analytics.CohortTable;
import io.throughline.analytics.FunnelResult;
import io.throughline.analytics.FunnelStep;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue;
import io.throughline.analytics.Kpis;
import io.throughline.analytics.MarketingSpend;
import io.throughline.analytics.MarketingSpend.SpendImport;
import io.throughline.analytics.SpendLine;
import io.throughline.analytics.internal.AnalyticsRequests.FunnelRequest;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Problems;
import io.throughline.privacy.AccessAudit;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analytics API: KPIs, funnels, cohorts, attribution, lifetime value and marketing spend. */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics", description = "KPIs, funnels, cohorts, attribution, lifetime value and marketing spend")
class AnalyticsController {

    static final int MAX_CUSTOMERS = 50;

    /** A KPI's definition. */
    record KpiDefinition(String key, int version, Kpi.Unit unit, String formula) {
        static KpiDefinition of(Kpi kpi) {
            return new KpiDefinition(kpi.key(), kpi.version(), kpi.unit(), kpi.formula());
        }
    }

    /** A KPI's value with its definition, over the period asked and the one before. */
    record KpiAnswer(String key, int version, Kpi.Unit unit, String formula, @Nullable Double value,
            double numerator, double denominator, @Nullable Double previous, String currency, String from, String to) {
        static KpiAnswer of(KpiValue value, KpiQuery query) {
            Kpi kpi = value.kpi();
            return new KpiAnswer(kpi.key(), value.version(), kpi.unit(), kpi.formula(), value.value(),
                    value.numerator(), value.denominator(), value.previous(), value.currency(),
                    query.period().from().toString(), query.period().to().toString());
        }
    }

    record FunnelCustomer(UUID profileId, String name) {}

    record SpendLineRequest(@Nullable String month, @Nullable String channel, @Nullable String campaign,
            @Nullable BigDecimal amount, @Nullable String currency) {}

    private final Kpis kpis;
    private final Analytics analytics;
    private final MarketingSpend spend;
    private final AnalyticsRequests requests;
    private final CustomerProfiles customers;
    private final AccessAudit audit;

    AnalyticsController(Kpis kpis, Analytics analytics, MarketingSpend spend, AnalyticsRequests requests,
            CustomerProfiles customers, AccessAudit audit) {
        this.kpis = kpis;
        this.analytics = analytics;
        this.spend = spend;
        this.requests = requests;
        this.customers = customers;
        this.audit = audit;
    }

    @GetMapping("/kpis/definitions")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Every KPI's key, version, unit and formula")
    List<KpiDefinition> definitions() {
        return Arrays.stream(Kpi.values()).map(KpiDefinition::of).toList();
    }

    @GetMapping("/kpis")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Every KPI over whole days of the brand's time zone [from, to), optionally in one channel, with the period before")
    List<KpiAnswer> all(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String currency) {
        KpiQuery query = requests.query(from, to, channel, currency);
        return kpis.all(query).stream().map(value -> KpiAnswer.of(value, query)).toList();
    }

    @GetMapping("/kpis/{key}")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "One KPI by its key")
    KpiAnswer one(@PathVariable String key, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String currency) {
        Kpi kpi = Kpi.byKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
        KpiQuery query = requests.query(from, to, channel, currency);
        return KpiAnswer.of(kpis.value(kpi, query), query);
    }

    @PostMapping("/funnels")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Customers reaching each step of a funnel, by entry channel and first-purchase cohort")
    FunnelResult funnel(@RequestBody FunnelRequest request) {
        return analytics.funnel(requests.steps(request.steps()), requests.period(request.from(), request.to()),
                requests.channel(request.channel()), request.segment());
    }

    @PostMapping("/funnels/customers")
    @PreAuthorize(READ_CUSTOMERS)
    @Operation(summary = "The customers who reached a step of a funnel (an audited read of personal data)")
    List<FunnelCustomer> funnelCustomers(@RequestBody FunnelRequest request, Authentication authentication) {
        List<FunnelStep> steps = requests.steps(request.steps());
        if (request.step() == null) {
            throw new InvalidRequestException("step", "must name the step whose customers to list");
        }
        int limit = request.limit() == null ? MAX_CUSTOMERS : request.limit();
        if (limit < 1 || limit > MAX_CUSTOMERS) {
            throw new InvalidRequestException("limit", "must be 1 to " + MAX_CUSTOMERS);
        }
        List<UUID> ids = analytics.customersAtStep(steps, requests.period(request.from(), request.to()),
                requests.channel(request.channel()), request.segment(), request.step(), limit);
        audit.record(CurrentStaff.id(authentication), ids, "analytics:funnel-customers");
        return ids.stream().map(id -> new FunnelCustomer(id, name(id))).toList();
    }

    private String name(UUID id) {
        try {
            return customers.get(id).displayName();
        } catch (NotFoundException erased) {
            return "";
        }
    }

    @GetMapping("/cohorts")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Cohorts by first-purchase month or first channel, with their orders month by month")
    CohortTable cohorts(@RequestParam(defaultValue = "first-purchase-month") String groupBy,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String currency) {
        CohortTable.GroupBy by = switch (groupBy) {
            case "first-purchase-month" -> CohortTable.GroupBy.FIRST_PURCHASE_MONTH;
            case "first-channel" -> CohortTable.GroupBy.FIRST_CHANNEL;
            default -> throw new InvalidRequestException("groupBy", "must be first-purchase-month or first-channel");
        };
        return analytics.cohorts(by, requests.period(from, to), requests.currency(currency));
    }

    @GetMapping("/sales")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Orders, revenue and average order value per month, and per country when asked")
    List<Analytics.SalesRow> sales(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "month") String groupBy,
            @RequestParam(required = false) @Nullable String currency) {
        boolean byCountry = switch (groupBy) {
            case "month" -> false;
            case "month,country" -> true;
            default -> throw new InvalidRequestException("groupBy", "must be month or month,country");
        };
        return analytics.sales(requests.period(from, to), requests.currency(currency), byCountry);
    }

    @GetMapping("/journey-map")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Customers per journey stage and channel, and their flows between channels stage to stage")
    Analytics.JourneyMap journeyMap(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return analytics.journeyMap(requests.period(from, to));
    }

    @GetMapping("/journey-map/rules")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "The event labels that mark each journey stage")
    Map<io.throughline.analytics.JourneyStage, List<String>> stageRules() {
        return analytics.stageRules();
    }

    @PutMapping("/journey-map/rules")
    @PreAuthorize(MANAGE_MARKETING_SPEND)
    @Operation(summary = "Replace the event labels that mark each journey stage")
    Map<io.throughline.analytics.JourneyStage, List<String>> changeStageRules(
            @RequestBody @Nullable Map<String, List<String>> rules) {
        if (rules == null) {
            throw new InvalidRequestException("rules", "must map stages to event labels");
        }
        Map<io.throughline.analytics.JourneyStage, List<String>> typed =
                new java.util.EnumMap<>(io.throughline.analytics.JourneyStage.class);
        rules.forEach((stage, events) -> {
            try {
                typed.put(io.throughline.analytics.JourneyStage.valueOf(stage), events == null ? List.of() : events);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException(stage, "is not a stage; the stages are " + Arrays.toString(
                        io.throughline.analytics.JourneyStage.values()));
            }
        });
        analytics.changeStageRules(typed);
        return analytics.stageRules();
    }

    @GetMapping("/attribution")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Eight attribution models side by side over the period's orders")
    Analytics.AttributionReport attribution(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer lookbackDays,
            @RequestParam(required = false) @Nullable String currency) {
        return analytics.attribution(requests.period(from, to), requests.lookback(lookbackDays),
                requests.currency(currency));
    }

    @GetMapping("/lifetime-value")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "The fitted BG/NBD and Gamma-Gamma models and their held-out accuracy")
    Analytics.LifetimeValueReport lifetimeValue(@RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable String currency) {
        return analytics.lifetimeValue(requests.asOf(asOf), requests.currency(currency));
    }

    @GetMapping("/customers/{profileId}/churn-risk")
    @PreAuthorize(READ_CUSTOMERS)
    @Operation(summary = "The probability that she is no longer an active buyer (an audited read)")
    Map<String, Object> churnRisk(@PathVariable UUID profileId,
            @RequestParam(required = false) @Nullable String currency, Authentication authentication) {
        customers.get(profileId);
        audit.record(CurrentStaff.id(authentication), List.of(profileId), "analytics:churn-risk");
        var alive = analytics.probabilityAlive(profileId, requests.currency(currency));
        return alive.isPresent() ? Map.of("profileId", profileId, "probabilityAlive", alive.getAsDouble(),
                "churnRisk", 1 - alive.getAsDouble()) : Map.of("profileId", profileId);
    }

    @PutMapping("/spend")
    @PreAuthorize(MANAGE_MARKETING_SPEND)
    @Operation(summary = "Record marketing spend lines; a line for the same month, channel, campaign and currency"
            + " replaces the one before")
    Map<String, Integer> recordSpend(@RequestBody @Nullable List<SpendLineRequest> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidRequestException("lines", "must hold at least one spend line");
        }
        List<SpendLine> typed = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            typed.add(line(lines.get(i), "[" + i + "]."));
        }
        spend.record(typed);
        return Map.of("recorded", typed.size());
    }

    private SpendLine line(SpendLineRequest line, String at) {
        try {
            if (line.month() == null) {
                throw new InvalidRequestException("month", "must be a month such as 2026-03");
            }
            YearMonth month;
            try {
                month = YearMonth.parse(line.month());
            } catch (DateTimeParseException notAMonth) {
                throw new InvalidRequestException("month", "must be a month such as 2026-03");
            }
            if (line.amount() == null) {
                throw new InvalidRequestException("amount", "must be a decimal amount");
            }
            if (line.amount().signum() < 0) {
                throw new InvalidRequestException("amount", "must not be negative");
            }
            var channel = requests.channel(line.channel());
            if (channel == null) {
                throw new InvalidRequestException("channel", "must name a channel");
            }
            return new SpendLine(month, channel, line.campaign() == null ? "" : line.campaign(),
                    Money.of(line.amount(), requests.currency(line.currency())));
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(at + invalid.field(), invalid.reason());
        }
    }

    @PostMapping(path = "/spend/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(MANAGE_MARKETING_SPEND)
    @Operation(summary = "Import marketing spend as CSV (month,channel,campaign,amount,currency); good rows are"
            + " recorded, bad rows answered as a problem naming their line and column")
    ResponseEntity<?> importSpend(@RequestBody byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        SpendImport report = spend.importCsv(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        if (report.errors().isEmpty()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", report.errors().size() + " row(s) refused; " + report.recorded()
                        + " recorded"),
                report.errors().stream().map(error -> new Problems.FieldError(
                        "line " + error.line() + "." + error.field(), error.reason())).toList());
        problem.setProperty("recorded", report.recorded());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/spend")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Marketing spend per channel over the period's months")
    Map<String, Long> spendByChannel(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String currency) {
        return spend.byChannel(requests.query(from, to, channel, currency));
    }

}
