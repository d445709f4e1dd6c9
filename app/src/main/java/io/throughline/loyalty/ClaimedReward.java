package io.throughline.loyalty;

import java.util.UUID;

/** What claiming a reward gave her: the coupon's code, the points it took and her points left. */
public record ClaimedReward(UUID rewardId, String name, String couponCode, long points, long balance,
        boolean repeated) {}
