package io.throughline.recommendations;

import java.util.UUID;

/**
 * Recommendations ready for a message to one customer (messaging's email and SMS templates insert them): names,
 * prices written in the brand's currency format and links to the products, within the range, stock and prices of
 * the channel the links lead to. Nothing personal when she opted out of personalisation, and never a failure for
 * want of data.
 */
public interface RecommendationsForMessages {

    /**
     * @param placement {@link Placement#EMAIL} or {@link Placement#SMS} (any other answers as email)
     * @param limit     the most products of each list
     */
    MessageRecommendations forMessage(UUID profileId, Placement placement, int limit);
}
