package io.throughline.loyalty;

import java.util.Map;
import java.util.UUID;

/**
 * The brand's loyalty programme: its name, how many days points live, what a point is worth when spent (minor
 * units of each currency per point), and its earning rules.
 */
public record Programme(UUID id, String name, int expiryDays, Map<String, Long> minorPerPoint, EarnRules rules) {

    public Programme {
        minorPerPoint = Map.copyOf(minorPerPoint);
    }
}
