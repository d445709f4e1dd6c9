package io.throughline.analytics.internal;

import static io.throughline.platform.StaffPermission.Rules.READ_ANALYTICS;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.analytics.JourneyLifts;
import io.throughline.analytics.JourneyLifts.JourneyLift;
import io.throughline.platform.InvalidRequestException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A journey's lift against its control group. */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics", description = "KPIs, funnels, cohorts, attribution, lifetime value and marketing spend")
class JourneyLiftController {

    /** The lift as answered: the groups, their conversion, and the difference with its 95 % interval. */
    record LiftAnswer(String journey, String from, String to, long windowDays, long treated, long treatedConverted,
            long heldOut, long heldOutConverted, double treatedRate, double heldOutRate, double lift, double low,
            double high) {
        static LiftAnswer of(JourneyLift lift) {
            return new LiftAnswer(lift.journey(), lift.period().from().toString(), lift.period().to().toString(),
                    lift.window().toDays(), lift.treated(), lift.treatedConverted(), lift.heldOut(),
                    lift.heldOutConverted(), lift.treatedRate(), lift.heldOutRate(), lift.lift(), lift.low(),
                    lift.high());
        }
    }

    private final JourneyLifts lifts;
    private final AnalyticsRequests requests;

    JourneyLiftController(JourneyLifts lifts, AnalyticsRequests requests) {
        this.lifts = lifts;
        this.requests = requests;
    }

    @GetMapping("/journeys/{key}/lift")
    @PreAuthorize(READ_ANALYTICS)
    @Operation(summary = "A journey's lift: conversion of entrants who got the treatment against the control group"
            + " held out, with a 95 % confidence interval")
    LiftAnswer lift(@PathVariable String key, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer windowDays,
            @RequestParam(required = false) @Nullable String currency) {
        int days = windowDays == null ? 14 : windowDays;
        if (days < 1 || days > 365) {
            throw new InvalidRequestException("windowDays", "must be 1 to 365 days");
        }
        return LiftAnswer.of(lifts.lift(key, requests.period(from, to), Duration.ofDays(days),
                requests.currency(currency)));
    }
}
