package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;

/** A member exchanged points for a reward and got its coupon. */
public record RewardClaimed(UUID movementId, UUID profileId, UUID rewardId, long points, String couponCode,
        Instant at) {}
