package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A member spent points. */
public record PointsRedeemed(UUID movementId, UUID profileId, long points, Instant at) {}
