package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member earned points: on an order, at a till, as a bonus or an adjustment. */
public record PointsEarned(UUID movementId, UUID profileId, long points, @Nullable UUID orderId, Instant at) {}
