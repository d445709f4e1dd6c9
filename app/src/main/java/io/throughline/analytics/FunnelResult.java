package io.throughline.analytics;

import java.util.List;
import java.util.Map;

/**
 * How many customers reached each step, in total and by the channel and cohort (first-purchase month, or "none")
 * they entered the funnel with.
 */
public record FunnelResult(List<FunnelStep> steps, List<Long> reached, Map<String, List<Long>> byChannel,
        Map<String, List<Long>> byCohort) {}
