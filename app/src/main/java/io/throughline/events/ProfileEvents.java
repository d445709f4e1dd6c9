package io.throughline.events;

import java.util.Collection;
import java.util.UUID;

/** Moving a profile's events when identity resolution changes its mind, inside the caller's transaction. */
public interface ProfileEvents {

    /**
     * Moves to {@code target} the events now on {@code current} that were first resolved to one of
     * {@code originalProfiles}, or that were resolved through one of the identifiers {@code resolvedVia}
     * ({@code type:value}). Returns how many moved.
     */
    int reassign(UUID current, UUID target, Collection<UUID> originalProfiles, Collection<String> resolvedVia);
}
