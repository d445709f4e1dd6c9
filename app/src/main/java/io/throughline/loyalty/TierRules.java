package io.throughline.loyalty;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How members qualify for tiers: on the points their purchases earned, or on what they spent (in {@code currency}),
 * over the last {@code windowDays}. Qualifying for a higher tier upgrades her at once; a lower figure moves her
 * down only when her tier comes up for review, a window after she reached it.
 *
 * @param tiers lowest rank first; an empty list means the programme has no tiers
 */
public record TierRules(Basis basis, int windowDays, @Nullable String currency, List<Tier> tiers) {

    public enum Basis { POINTS, SPEND }

    public TierRules {
        tiers = List.copyOf(tiers);
    }
}
