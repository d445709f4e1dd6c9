package io.throughline.customers.internal;

import java.time.Instant;
import java.util.UUID;

/** A customer profile's details changed. */
public record CustomerProfileUpdated(UUID profileId, Instant updatedAt) {}
