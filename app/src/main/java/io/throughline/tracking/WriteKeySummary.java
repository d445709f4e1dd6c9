package io.throughline.tracking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A write key as listed: its last characters, to tell keys apart, but never the key. */
public record WriteKeySummary(UUID id, UUID sourceId, String hint, Instant createdAt, @Nullable Instant revokedAt) {}
