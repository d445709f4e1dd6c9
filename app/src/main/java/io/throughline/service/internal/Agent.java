package io.throughline.service.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agent as assignment sees her: how many live cases she may hold, whether she takes cases, her teams. */
record Agent(UUID staffId, int capacity, boolean available, List<String> teams, @Nullable Instant lastAssignedAt) {

    Agent {
        teams = List.copyOf(teams);
    }
}
