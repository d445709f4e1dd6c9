package io.throughline.recommendations;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What is asked for.
 *
 * @param profileId      whose list, when the customer is known; null for an unknown or anonymous shopper
 * @param placement      where it is shown
 * @param channel        the asking channel's key: only what it sells, in its stock; null for any channel
 * @param skus           the product shown, or the cart's products, for the product page and the cart
 * @param region         the region (country) for popular lists; a known customer's own otherwise
 * @param pickupLocation only what is in stock at her pickup shop
 */
public record RecommendationRequest(@Nullable UUID profileId, Placement placement, @Nullable String channel,
        List<String> skus, @Nullable String region, @Nullable UUID pickupLocation, int limit) {

    public RecommendationRequest {
        skus = List.copyOf(skus);
    }
}
