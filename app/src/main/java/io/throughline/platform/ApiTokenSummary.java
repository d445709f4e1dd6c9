package io.throughline.platform;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as listed to admins: everything but the secret. */
public record ApiTokenSummary(UUID id, UUID staffId, String name, Instant createdAt, @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
