package io.throughline.analytics.internal.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shapley values over channels: the worth of a coalition is the value of the converted journeys whose channels all
 * belong to it. Computed exactly over every coalition for up to {@value #EXACT_LIMIT} channels; beyond that the
 * value splits equally among a journey's channels, which is what the exact sum comes to for this game.
 */
final class ShapleyValues {

    static final int EXACT_LIMIT = 14;

    private ShapleyValues() {}

    static Map<String, Double> credits(List<Journey> journeys) {
        List<String> players = new ArrayList<>(new TreeSet<>(journeys.stream().filter(Journey::converted)
                .flatMap(journey -> journey.touchpoints().stream().map(Touchpoint::channel)).toList()));
        Map<Integer, Double> valueOfExactSet = new HashMap<>();
        Map<String, Integer> bit = new HashMap<>();
        for (int i = 0; i < players.size(); i++) {
            bit.put(players.get(i), i);
        }
        Map<String, Double> credits = new TreeMap<>();
        if (players.size() > EXACT_LIMIT) {
            for (Journey journey : journeys) {
                List<String> own = AttributionEngine.channels(journey);
                if (journey.converted() && !own.isEmpty()) {
                    own.forEach(channel -> credits.merge(channel, journey.value() / own.size(), Double::sum));
                }
            }
            return credits;
        }
        for (Journey journey : journeys) {
            if (journey.converted() && !journey.touchpoints().isEmpty()) {
                int mask = 0;
                for (Touchpoint touch : journey.touchpoints()) {
                    mask |= 1 << bit.get(touch.channel());
                }
                valueOfExactSet.merge(mask, journey.value(), Double::sum);
            }
        }
        int n = players.size();
        double[] worth = new double[1 << n];
        for (int coalition = 0; coalition < worth.length; coalition++) {
            double sum = 0;
            for (var exact : valueOfExactSet.entrySet()) {
                if ((exact.getKey() & ~coalition) == 0) {
                    sum += exact.getValue();
                }
            }
            worth[coalition] = sum;
        }
        double[] factorial = new double[n + 1];
        factorial[0] = 1;
        for (int i = 1; i <= n; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        for (int player = 0; player < n; player++) {
            double value = 0;
            for (int coalition = 0; coalition < worth.length; coalition++) {
                if ((coalition & (1 << player)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(coalition);
                value += factorial[size] * factorial[n - size - 1] / factorial[n]
                        * (worth[coalition | (1 << player)] - worth[coalition]);
            }
            credits.put(players.get(player), value);
        }
        return credits;
    }
}
