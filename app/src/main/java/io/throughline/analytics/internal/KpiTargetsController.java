package io.throughline.analytics.internal;

import static io.throughline.platform.StaffPermission.Rules.MANAGE_KPI_TARGETS;
import static io.throughline.platform.StaffPermission.Rules.READ_ANALYTICS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiAlert;
import io.throughline.analytics.KpiTarget;
import io.throughline.analytics.KpiTargets;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets per KPI and the alerts of weeks a KPI left its band. */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics", description = "KPIs, funnels, cohorts, attribution, lifetime value and marketing spend")
class KpiTargetsController {

    static final int MAX_ALERTS = 200;

    /** A target as sent: bounds in the KPI's unit (a share from 0 to 1, minor units, a count or seconds). */
    record TargetRequest(@Nullable Double low, @Nullable Double high, @Nullable Boolean keyMetric,
            @Nullable UUID ownerId) {}

    /** A target as answered, with its KPI's key and unit. */
    record TargetAnswer(String kpi, Kpi.Unit unit, @Nullable Double low, @Nullable Double high, boolean keyMetric,
            @Nullable UUID ownerId, String updatedAt) {
        static TargetAnswer of(KpiTarget target) {
            return new TargetAnswer(target.kpi().key(), target.kpi().unit(), target.low(), target.high(),
                    target.keyMetric(), target.ownerId(), target.updatedAt().toString());
        }
    }

    record AlertAnswer(UUID id, String kpi, double value, @Nullable Double low, @Nullable Double high, String from,
            String to, @Nullable UUID ownerId, String raisedAt, @Nullable String acknowledgedAt) {
        static AlertAnswer of(KpiAlert alert) {
            return new AlertAnswer(alert.id(), alert.kpi().key(), alert.value(), alert.low(), alert.high(),
                    alert.period().from().toString(), alert.period().to().toString(), alert.ownerId(),
                    alert.raisedAt().toString(),
                    alert.acknowledgedAt() == null ? null : alert.acknowledgedAt().toString());
        }
    }

    private final KpiTargets targets;

    KpiTargetsController(KpiTargets targets) {
        this.targets = targets;
    }

    @GetMapping("/targets")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Every KPI target: its band, owner and whether it is a key metric of the weekly review")
    List<TargetAnswer> targets() {
        return targets.all().stream().map(TargetAnswer::of).toList();
    }

    @PutMapping("/targets/{key}")
    @PreAuthorize(MANAGE_KPI_TARGETS)
    @Operation(summary = "Set a KPI's band (low and/or high, in the KPI's unit), owner and key-metric flag")
    TargetAnswer setTarget(@PathVariable String key, @RequestBody @Nullable TargetRequest request) {
        Kpi kpi = kpi(key);
        if (request == null) {
            throw new InvalidRequestException("low", "give a low or a high bound, or both");
        }
        return TargetAnswer.of(targets.set(kpi, request.low(), request.high(),
                request.keyMetric() != null && request.keyMetric(), request.ownerId()));
    }

    @DeleteMapping("/targets/{key}")
    @PreAuthorize(MANAGE_KPI_TARGETS)
    @Operation(summary = "Stop watching a KPI")
    ResponseEntity<Void> removeTarget(@PathVariable String key) {
        targets.remove(kpi(key));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alerts")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "Weeks a KPI left its band, newest first")
    List<AlertAnswer> alerts(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_ALERTS) {
            throw new InvalidRequestException("limit", "must be 1 to " + MAX_ALERTS);
        }
        return targets.alerts(open, limit).stream().map(AlertAnswer::of).toList();
    }

    @PostMapping("/alerts/check")
    @PreAuthorize(MANAGE_KPI_TARGETS)
    @Operation(summary = "Check the week just ended against every target now; answers the alerts raised")
    List<AlertAnswer> check() {
        return targets.check().stream().map(AlertAnswer::of).toList();
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize(MANAGE_KPI_TARGETS)
    @Operation(summary = "Mark an alert as seen to")
    AlertAnswer acknowledge(@PathVariable UUID id) {
        return AlertAnswer.of(targets.acknowledge(id));
    }

    private static Kpi kpi(String key) {
        return Kpi.byKey(key).orElseThrow(() -> new NotFoundException("KPI", key));
    }
}
