package io.throughline.journeys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A journey with its versions: {@code activeVersion} is what new entries take (null before the first
 * activation), {@code latestVersion} the last one saved.
 */
public record Journey(String key, String name, JourneyStatus status, @Nullable Integer activeVersion,
        int latestVersion, Instant createdAt, Instant updatedAt) {}
