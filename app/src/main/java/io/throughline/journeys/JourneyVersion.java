package io.throughline.journeys;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One saved version of a journey's definition. */
public record JourneyVersion(String key, int version, JsonNode definition, Instant createdAt) {}
