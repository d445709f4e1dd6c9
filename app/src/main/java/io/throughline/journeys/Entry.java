package io.throughline.journeys;

import java.time.Instant;
import java.util.UUID;

/** A customer's entry into a journey: the instance that carries her through the version's steps. */
public record Entry(UUID instanceId, String journey, int version, UUID profileId, Instant enteredAt) {}
