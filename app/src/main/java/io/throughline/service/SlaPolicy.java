package io.throughline.service;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Service-level targets for the cases of a priority and a medium (null matches any): the first human answer and
 * the resolution within so many working minutes of a business-hours calendar (around the clock without one).
 */
public record SlaPolicy(UUID id, String name, @Nullable Priority priority, @Nullable Medium medium,
        int firstResponseMinutes, int resolutionMinutes, @Nullable UUID calendarId) {}
