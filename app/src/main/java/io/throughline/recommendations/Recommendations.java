package io.throughline.recommendations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Recommendations for a placement. Never fails for want of data: an unknown customer, one without history or one
 * who opted out of personalisation gets the non-personal list, which says so.
 */
public interface Recommendations {

    RecommendationList recommend(RecommendationRequest request);

    /** The model answering now: its size and when it was built. */
    ModelStatus status();

    /** Builds the model again from everything learnt so far, answering from the old one meanwhile. */
    ModelStatus rebuild();

    /**
     * @param interactions what the model learnt from: views, cart additions, purchases and returns per product
     * @param buildMillis  how long the last build took
     */
    record ModelStatus(int products, int customers, long interactions, @Nullable Instant builtAt,
            @Nullable Instant trainedUntil, long buildMillis) {}
}
