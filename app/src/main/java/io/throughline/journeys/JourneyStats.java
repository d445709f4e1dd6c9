package io.throughline.journeys;

import java.util.List;

/**
 * How customers moved through one version: entries, how many reached the goal, and per step how many came
 * in, went on, and are waiting there now.
 */
public record JourneyStats(String journey, int version, long entered, long converted, long completed,
        double conversionRate, List<StepCount> steps) {

    /** Counts of one step. */
    public record StepCount(String step, String type, long in, long out, long waiting) {}
}
