package io.throughline.platform;

import java.time.Instant;
import java.util.UUID;

/** A member of staff who signs in to the console or calls the management API. Never carries the password. */
public record StaffAccount(UUID id, String email, String displayName, StaffRole role, boolean enabled,
        Instant createdAt) {}
