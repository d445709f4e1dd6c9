package io.throughline.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff who signs in to the console or calls the management API. Never carries the password.
 *
 * @param shopId   the stock location (a shop) she works in, if she works in one
 * @param timeZone the zone she reads times in; the brand's when none is set
 */
public record StaffAccount(UUID id, String email, String displayName, StaffRole role, boolean enabled,
        @Nullable UUID shopId, @Nullable ZoneId timeZone, Instant createdAt) {}
