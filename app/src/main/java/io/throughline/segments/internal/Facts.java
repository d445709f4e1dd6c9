package io.throughline.segments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What segments know about one profile, as stored in {@code segments.profile_fact} and
 * {@code segments.behaviour}: what both evaluators read.
 */
record Facts(UUID profileId, JsonNode traits, Set<String> consents, @Nullable LocalDate birthDate,
        @Nullable String country, @Nullable String city, @Nullable String postcode, @Nullable Double latitude,
        @Nullable Double longitude, List<Behaviour> behaviour) {

    Facts {
        consents = Set.copyOf(consents);
        behaviour = List.copyOf(behaviour);
    }

    /** One of her events: its name (the track event's, or "page" / "screen"), channel, time and properties. */
    record Behaviour(String name, String channel, Instant occurredAt, JsonNode properties) {}
}
