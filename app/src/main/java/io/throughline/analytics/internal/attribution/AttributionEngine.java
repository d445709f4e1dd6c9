package io.throughline.analytics.internal.attribution;

import io.throughline.analytics.AttributionModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shares conversions' value among channels by eight models side by side. The rule-based ones share each converted
 * journey by position or time; Markov credits each channel with its removal effect on a first-order chain over all
 * journeys, converted or not; Shapley gives each channel its Shapley value in the game whose worth of a coalition is
 * the value of the converted journeys whose channels all belong to it.
 */
public final class AttributionEngine {

    private final Set<String> directChannels;
    private final Duration halfLife;

    /**
     * @param directChannels channels a customer comes back through on her own, which last non-direct passes over
     * @param halfLife       how much older a touchpoint is when time decay gives it half the credit
     */
    public AttributionEngine(Set<String> directChannels, Duration halfLife) {
        this.directChannels = Set.copyOf(directChannels);
        this.halfLife = halfLife;
    }

    /** Every model's credit per channel, in the order of {@link AttributionModel}. */
    public Map<AttributionModel, Map<String, Double>> attribute(List<Journey> journeys) {
        Map<AttributionModel, Map<String, Double>> credits = new EnumMap<>(AttributionModel.class);
        for (AttributionModel model : AttributionModel.values()) {
            credits.put(model, switch (model) {
                case MARKOV -> MarkovRemoval.credits(journeys);
                case SHAPLEY -> ShapleyValues.credits(journeys);
                default -> ruleBased(model, journeys);
            });
        }
        return credits;
    }

    private Map<String, Double> ruleBased(AttributionModel model, List<Journey> journeys) {
        Map<String, Double> credits = new TreeMap<>();
        for (Journey journey : journeys) {
            if (!journey.converted() || journey.touchpoints().isEmpty()) {
                continue;
            }
            double[] weights = weights(model, journey);
            double total = 0;
            for (double weight : weights) {
                total += weight;
            }
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0) {
                    credits.merge(journey.touchpoints().get(i).channel(), journey.value() * weights[i] / total,
                            Double::sum);
                }
            }
        }
        return credits;
    }

    private double[] weights(AttributionModel model, Journey journey) {
        List<Touchpoint> touches = journey.touchpoints();
        int n = touches.size();
        double[] weights = new double[n];
        switch (model) {
            case FIRST_TOUCH -> weights[0] = 1;
            case LAST_TOUCH -> weights[n - 1] = 1;
            case LAST_NON_DIRECT -> {
                int chosen = n - 1;
                for (int i = n - 1; i >= 0; i--) {
                    if (!directChannels.contains(touches.get(i).channel())) {
                        chosen = i;
                        break;
                    }
                }
                weights[chosen] = 1;
            }
            case LINEAR -> java.util.Arrays.fill(weights, 1);
            case TIME_DECAY -> {
                for (int i = 0; i < n; i++) {
                    double age = Duration.between(touches.get(i).at(), journey.convertedAt()).toMillis();
                    weights[i] = Math.pow(0.5, Math.max(0, age) / halfLife.toMillis());
                }
            }
            case POSITION_BASED -> {
                if (n == 1) {
                    weights[0] = 1;
                } else if (n == 2) {
                    weights[0] = 0.5;
                    weights[1] = 0.5;
                } else {
                    weights[0] = 0.4;
                    weights[n - 1] = 0.4;
                    for (int i = 1; i < n - 1; i++) {
                        weights[i] = 0.2 / (n - 2);
                    }
                }
            }
            default -> throw new IllegalArgumentException("Not a rule-based model: " + model);
        }
        return weights;
    }

    /** The distinct channels of a journey, in order of first appearance. */
    static List<String> channels(Journey journey) {
        Set<String> seen = new LinkedHashSet<>();
        journey.touchpoints().forEach(touch -> seen.add(touch.channel()));
        return new ArrayList<>(seen);
    }
}
