package io.throughline.carts.internal;

import java.time.Instant;
import java.util.UUID;

/** An anonymous cart was folded into the customer's cart when she signed in. */
public record CartMerged(UUID anonymousCartId, UUID survivingCartId, UUID profileId, String channel,
        Instant mergedAt) {}
