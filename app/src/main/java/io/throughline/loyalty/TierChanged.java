package io.throughline.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member moved up or down a tier (a null tier: none). */
public record TierChanged(UUID profileId, @Nullable UUID fromTierId, @Nullable UUID toTierId, Instant at) {}
