package io.throughline.analytics.internal.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The removal-effect model on a first-order Markov chain: states start, each channel, conversion and null; the
 * transition probabilities are counted from the journeys (consecutive repeats of a channel collapse into one). A
 * channel's removal effect is the share of the chance to convert that is lost when it leads to null instead; the
 * converted value is shared in proportion to the removal effects.
 */
final class MarkovRemoval {

    private static final String START = "(start)";
    private static final String CONVERSION = "(conversion)";
    private static final String NULL = "(null)";

    private MarkovRemoval() {}

    static Map<String, Double> credits(List<Journey> journeys) {
        Map<String, Map<String, Double>> counts = new HashMap<>();
        double convertedValue = 0;
        TreeSet<String> channels = new TreeSet<>();
        for (Journey journey : journeys) {
            if (journey.touchpoints().isEmpty()) {
                continue;
            }
            List<String> path = new ArrayList<>();
            path.add(START);
            for (Touchpoint touch : journey.touchpoints()) {
                if (!touch.channel().equals(path.getLast())) {
                    path.add(touch.channel());
                }
                channels.add(touch.channel());
            }
            path.add(journey.converted() ? CONVERSION : NULL);
            for (int i = 0; i + 1 < path.size(); i++) {
                counts.computeIfAbsent(path.get(i), from -> new HashMap<>()).merge(path.get(i + 1), 1.0, Double::sum);
            }
            if (journey.converted()) {
                convertedValue += journey.value();
            }
        }
        Map<String, Double> credits = new TreeMap<>();
        double base = conversionProbability(counts, channels, null);
        if (base == 0) {
            return credits;
        }
        Map<String, Double> effects = new TreeMap<>();
        double effectSum = 0;
        for (String channel : channels) {
            double effect = 1 - conversionProbability(counts, channels, channel) / base;
            effects.put(channel, effect);
            effectSum += effect;
        }
        for (var entry : effects.entrySet()) {
            credits.put(entry.getKey(), effectSum == 0 ? 0 : convertedValue * entry.getValue() / effectSum);
        }
        return credits;
    }

    /**
     * The probability to reach conversion from start, with {@code removed} (if any) leading to null: the absorbing
     * chain's equations solved by Gauss-Seidel iteration, which converges because every path ends.
     */
    static double conversionProbability(Map<String, Map<String, Double>> counts, TreeSet<String> channels,
            String removed) {
        Map<String, Double> reach = new HashMap<>();
        for (String channel : channels) {
            reach.put(channel, 0.0);
        }
        for (int round = 0; round < 10_000; round++) {
            double change = 0;
            for (String state : channels) {
                double value = state.equals(removed) ? 0 : step(counts.get(state), reach, removed);
                change = Math.max(change, Math.abs(value - reach.get(state)));
                reach.put(state, value);
            }
            if (change < 1e-12) {
                break;
            }
        }
        return step(counts.get(START), reach, removed);
    }

    private static double step(Map<String, Double> next, Map<String, Double> reach, String removed) {
        if (next == null) {
            return 0;
        }
        double total = next.values().stream().mapToDouble(Double::doubleValue).sum();
        double probability = 0;
        for (var edge : next.entrySet()) {
            String to = edge.getKey();
            double share = edge.getValue() / total;
            if (to.equals(CONVERSION)) {
                probability += share;
            } else if (!to.equals(NULL) && !to.equals(removed)) {
                probability += share * reach.getOrDefault(to, 0.0);
            }
        }
        return probability;
    }
}
