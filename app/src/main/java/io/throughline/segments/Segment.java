package io.throughline.segments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A segment: its definition as saved (version counts saves), how many customers are members now, and the
 * latest batch evaluation of its definition over every profile.
 */
public record Segment(UUID id, String key, String name, @Nullable String description, int version,
        JsonNode definition, long members, @Nullable Evaluation evaluation, Instant createdAt, Instant updatedAt) {

    /** A batch evaluation of one version: how far it got over the profiles, and what it changed. */
    public record Evaluation(int version, State state, long evaluated, long total, long entered, long exited,
            Instant startedAt, @Nullable Instant finishedAt) {

        public enum State { RUNNING, DONE, SUPERSEDED }
    }
}
