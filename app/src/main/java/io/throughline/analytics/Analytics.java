package io.throughline.analytics;

import io.throughline.platform.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Funnels, cohorts, attribution and lifetime value, read from the analytics rollups. */
public interface Analytics {

    default FunnelResult funnel(List<FunnelStep> steps, Period period, @Nullable Channel channel) {
        return funnel(steps, period, channel, null);
    }

    /** The funnel of the members of a segment only, when {@code segment} names one. */
    FunnelResult funnel(List<FunnelStep> steps, Period period, @Nullable Channel channel, @Nullable String segment);

    /** The customers who reached step {@code step} (1-based) of the funnel, at most {@code limit} of them. */
    default List<UUID> customersAtStep(List<FunnelStep> steps, Period period, @Nullable Channel channel, int step,
            int limit) {
        return customersAtStep(steps, period, channel, null, step, limit);
    }

    /** {@link #customersAtStep(List, Period, Channel, int, int)} among the members of a segment. */
    List<UUID> customersAtStep(List<FunnelStep> steps, Period period, @Nullable Channel channel,
            @Nullable String segment, int step, int limit);

    /** Cohorts by the month of the first purchase (or its channel), with their activity month by month after. */
    CohortTable cohorts(CohortTable.GroupBy groupBy, Period period, String currency);

    /** Every attribution model over the period's conversions, touchpoints looked for {@code lookback} before each. */
    AttributionReport attribution(Period period, Duration lookback, String currency);

    /** The fitted lifetime-value models as of a moment, with how well they predicted the months held out. */
    LifetimeValueReport lifetimeValue(Instant asOf, String currency);

    /**
     * The probability that the customer is still an active buyer (BG/NBD), for segments' churn-risk condition; empty
     * when she never ordered.
     */
    OptionalDouble probabilityAlive(UUID profileId, String currency);

    /**
     * Orders, revenue and average order value per month of the period in the brand's time zone, and per country when asked (orders whose
     * event named none count under "unknown").
     */
    List<SalesRow> sales(Period period, String currency, boolean byCountry);

    /** One month's (and country's) completed, not cancelled orders. */
    record SalesRow(String month, @Nullable String country, long orders, long revenueMinor, long customers,
            @Nullable Double averageOrderValueMinor) {}

    /** The journey map's rules in force: per stage, the event labels that mark it. */
    java.util.Map<JourneyStage, List<String>> stageRules();

    /** Replaces the journey map's rules; an event label may mark one stage only. */
    void changeStageRules(java.util.Map<JourneyStage, List<String>> rules);

    /**
     * The journey map over the period: per stage, the customers who reached it, in total and per channel, and the
     * customers moving from each channel at one stage to each channel at the next.
     */
    JourneyMap journeyMap(Period period);

    /** Customers per stage and channel, with the flows from stage to stage. */
    record JourneyMap(java.util.Map<JourneyStage, Long> customers,
            java.util.Map<JourneyStage, java.util.Map<String, Long>> byChannel, List<Flow> flows) {

        /** Customers whose first touch of {@code from} was in one channel and of the next stage in another. */
        public record Flow(JourneyStage from, String fromChannel, String toChannel, long customers) {}
    }

    /** The cohort table. */
    record CohortTable(GroupBy groupBy, List<Cohort> cohorts) {

        public enum GroupBy { FIRST_PURCHASE_MONTH, FIRST_CHANNEL }

        /** A cohort: its customers and, per month since their first purchase (0 first), those who ordered. */
        public record Cohort(String key, long customers, List<Long> active, List<Long> revenueMinor) {}
    }

    /** The models' credits per channel side by side, with the conversions and value they share. */
    record AttributionReport(long conversions, double value, String currency, Duration lookback,
            java.util.Map<AttributionModel, java.util.Map<String, Double>> credits) {}

    /**
     * The fitted BG/NBD and Gamma-Gamma parameters, the mean predicted twelve-month value, and the held-out check:
     * fitted on the history up to {@code holdoutStart}, the repeat purchases it predicted for the weeks after against
     * those that happened.
     */
    record LifetimeValueReport(int customers, double r, double alpha, double a, double b, double p, double q,
            double gamma, double meanPredictedValueMinor, Instant holdoutStart, double predictedHoldoutPurchases,
            long actualHoldoutPurchases, double meanAbsoluteError, String currency) {}
}
