package io.throughline.platform;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member of staff who signs in to the console or calls the management API. Never carries the password.
 *
 * @param shop the code of the shop she works in ({@code shop-budapest}, the same as its location code and its
 *             till's channel key), which the console offers first wherever a location is chosen; null for staff
 *             who work in no one shop
 */
public record StaffAccount(UUID id, String email, String displayName, StaffRole role, boolean enabled,
        Instant createdAt, @Nullable String shop) {}
