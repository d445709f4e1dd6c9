package io.throughline.loyalty.internal;

import io.throughline.loyalty.Tier;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which tier a member holds: the highest whose threshold her qualifying figure reaches. Reaching a higher tier
 * moves her up at once; falling short moves her down only when her tier is due for review, so that a quiet month
 * never costs her the tier she earned for the year.
 */
final class TierPolicy {

    private TierPolicy() {}

    /** The highest tier the figure reaches, or null below the lowest threshold. */
    static @Nullable Tier qualified(List<Tier> tiers, long qualifying) {
        Tier best = null;
        for (Tier tier : tiers) {
            if (qualifying >= tier.threshold() && (best == null || tier.rank() > best.rank())) {
                best = tier;
            }
        }
        return best;
    }

    /** The tier above the one she holds (the lowest when she holds none), or null at the top. */
    static @Nullable Tier next(List<Tier> tiers, @Nullable Tier current) {
        Tier next = null;
        for (Tier tier : tiers) {
            boolean above = current == null || tier.rank() > current.rank();
            if (above && (next == null || tier.rank() < next.rank())) {
                next = tier;
            }
        }
        return next;
    }

    /** The tier she holds after this look at her figure. */
    static @Nullable Tier decide(List<Tier> tiers, @Nullable UUID currentId, long qualifying, boolean reviewDue) {
        Tier current = currentId == null ? null
                : tiers.stream().filter(tier -> tier.id().equals(currentId)).findFirst().orElse(null);
        Tier qualified = qualified(tiers, qualifying);
        if (reviewDue || current == null) {
            return qualified;
        }
        return qualified != null && qualified.rank() > current.rank() ? qualified : current;
    }
}
