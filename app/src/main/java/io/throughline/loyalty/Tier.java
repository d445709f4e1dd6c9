package io.throughline.loyalty;

import java.util.UUID;

/**
 * A tier of the programme: members whose qualifying points or spend over the window reach {@code threshold} hold
 * it. Its benefits: her points earned at {@code earnPercent} (100 adds nothing) and a birthday gift of points.
 */
public record Tier(UUID id, int rank, String name, long threshold, int earnPercent, long birthdayPoints) {}
