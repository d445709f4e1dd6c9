package io.throughline.loyalty;

import java.util.UUID;

/** A reward members claim with points: a coupon from one of pricing's batches of unique codes. */
public record Reward(UUID id, String name, long points, UUID couponBatchId, boolean active) {}
