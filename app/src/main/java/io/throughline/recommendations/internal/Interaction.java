package io.throughline.recommendations.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One product of one customer event, as the model learns from it.
 *
 * @param basket what the product was bought or browsed with: the order's id, or the profile's day of browsing
 * @param region the country an order was sold to, when the event said
 */
record Interaction(long seq, UUID profileId, String sku, String name, InteractionKind kind, int quantity,
        String channel, @Nullable String region, String basket, Instant at) {}
