package io.throughline.analytics.internal;

import io.throughline.analytics.Analytics;
import io.throughline.analytics.FunnelResult;
import io.throughline.analytics.FunnelStep;
import io.throughline.analytics.Period;
import io.throughline.analytics.internal.attribution.AttributionEngine;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.segments.SegmentMembers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Funnels, cohorts, attribution and lifetime value over the rollups. */
@Service
class JdbcAnalytics implements Analytics {

    private final ObjectProvider<SegmentMembers> segmentMembers;

    static final int MAX_STEPS = 20;

    private final FunnelReads funnels;
    private final CohortReads cohorts;
    private final JourneyReads journeys;
    private final LifetimeValues lifetimeValues;
    private final JourneyMaps journeyMaps;
    private final AnalyticsProperties properties;
    private final Clock clock;

    JdbcAnalytics(FunnelReads funnels, CohortReads cohorts, JourneyReads journeys, LifetimeValues lifetimeValues,
            JourneyMaps journeyMaps, AnalyticsProperties properties, ObjectProvider<SegmentMembers> segmentMembers,
            Clock clock) {
        this.journeyMaps = journeyMaps;
        this.segmentMembers = segmentMembers;
        this.funnels = funnels;
        this.cohorts = cohorts;
        this.journeys = journeys;
        this.lifetimeValues = lifetimeValues;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public FunnelResult funnel(List<FunnelStep> steps, Period period, @Nullable Channel channel,
            @Nullable String segment) {
        checkSteps(steps);
        int size = steps.size();
        long[] reached = new long[size];
        Map<String, long[]> byChannel = new LinkedHashMap<>();
        Map<String, long[]> byCohort = new LinkedHashMap<>();
        for (FunnelReads.Walked progress : walk(steps, period, channel, segment)) {
            String cohort = progress.cohort();
            for (int i = 0; i < progress.progress().reached(); i++) {
                reached[i]++;
                byChannel.computeIfAbsent(progress.progress().entryChannel(), key -> new long[size])[i]++;
                byCohort.computeIfAbsent(cohort, key -> new long[size])[i]++;
            }
        }
        return new FunnelResult(steps, boxed(reached), boxedAll(byChannel), boxedAll(byCohort));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> customersAtStep(List<FunnelStep> steps, Period period, @Nullable Channel channel,
            @Nullable String segment, int step, int limit) {
        checkSteps(steps);
        if (step < 1 || step > steps.size()) {
            throw new InvalidRequestException("step", "must be between 1 and " + steps.size());
        }
        return walk(steps, period, channel, segment).stream().filter(walked -> walked.progress().reached() >= step)
                .map(walked -> walked.progress().profileId()).sorted().limit(limit).toList();
    }

    private List<FunnelReads.Walked> walk(List<FunnelStep> steps, Period period, @Nullable Channel channel,
            @Nullable String segment) {
        List<FunnelReads.Walked> walked = funnels.walk(steps, period, channel == null ? null : channel.key());
        if (segment == null) {
            return walked;
        }
        SegmentMembers members = segmentMembers.getIfAvailable();
        java.util.Set<UUID> in = (members == null ? java.util.Optional.<java.util.Set<UUID>>empty()
                : members.membersOf(segment))
                .orElseThrow(() -> new InvalidRequestException("segment", "names no segment: '" + segment + "'"));
        return walked.stream().filter(progress -> in.contains(progress.progress().profileId())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public CohortTable cohorts(CohortTable.GroupBy groupBy, Period period, String currency) {
        return cohorts.read(groupBy, period, currency);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<io.throughline.analytics.JourneyStage, List<String>> stageRules() {
        return journeyMaps.rules();
    }

    @Override
    @Transactional
    public void changeStageRules(Map<io.throughline.analytics.JourneyStage, List<String>> rules) {
        journeyMaps.change(rules);
    }

    @Override
    @Transactional(readOnly = true)
    public JourneyMap journeyMap(Period period) {
        return journeyMaps.map(period);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SalesRow> sales(Period period, String currency, boolean byCountry) {
        return cohorts.sales(period, currency, byCountry);
    }

    @Override
    @Transactional(readOnly = true)
    public AttributionReport attribution(Period period, Duration lookback, String currency) {
        if (lookback.isNegative() || lookback.isZero() || lookback.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidRequestException("lookbackDays", "must be between 1 and 365 days");
        }
        var paths = journeys.read(period, lookback, currency);
        long conversions = paths.stream().filter(journey -> journey.converted()).count();
        double value = paths.stream().mapToDouble(journey -> journey.value()).sum();
        AttributionEngine engine = new AttributionEngine(properties.directChannels(), properties.timeDecayHalfLife());
        return new AttributionReport(conversions, value, currency, lookback, engine.attribute(paths));
    }

    @Override
    @Transactional(readOnly = true)
    public LifetimeValueReport lifetimeValue(Instant asOf, String currency) {
        return lifetimeValues.report(asOf, currency);
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalDouble probabilityAlive(UUID profileId, String currency) {
        return lifetimeValues.probabilityAlive(profileId, currency, clock.instant());
    }

    private static void checkSteps(List<FunnelStep> steps) {
        if (steps.size() < 2 || steps.size() > MAX_STEPS) {
            throw new InvalidRequestException("steps", "must be 2 to " + MAX_STEPS + " steps");
        }
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long value : values) {
            list.add(value);
        }
        return list;
    }

    private static Map<String, List<Long>> boxedAll(Map<String, long[]> values) {
        Map<String, List<Long>> boxed = new LinkedHashMap<>();
        values.forEach((key, counts) -> boxed.put(key, boxed(counts)));
        return boxed;
    }
}
