package io.throughline.recommendations;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list of recommendations and what it was made from.
 *
 * @param personal whether her own history shaped it
 * @param basis    why it is personal or not, so that a channel can say so
 * @param modelAt  when the model answering it was built (null before the first build)
 */
public record RecommendationList(Placement placement, boolean personal, Basis basis,
        List<Recommendation> items, @Nullable Instant modelAt) {

    public enum Basis {
        /** From her own history. */
        PERSONAL,
        /** Not personal: she opted out of personalisation. */
        OPTED_OUT,
        /** Not personal: the shopper is not known. */
        UNKNOWN_CUSTOMER,
        /** Not personal: she has no history the model knows of yet. */
        NO_HISTORY,
        /** Not personal by its nature: the product, the cart, popular or trending. */
        NOT_PERSONAL
    }

    public RecommendationList {
        items = List.copyOf(items);
    }
}
