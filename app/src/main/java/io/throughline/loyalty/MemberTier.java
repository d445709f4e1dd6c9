package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's tier as it stands, and what she has towards the next one.
 *
 * @param qualifying points or minor units of spend counted over the rolling window now
 * @param next       the tier above hers, if any
 */
public record MemberTier(UUID profileId, @Nullable Tier tier, @Nullable Instant since, @Nullable Instant reviewAt,
        long qualifying, @Nullable Tier next) {}
