package io.throughline.customers.internal;

import java.time.Instant;
import java.util.UUID;

/** A new customer profile exists. Carries only the id: listeners read what they are allowed to see. */
public record CustomerProfileCreated(UUID profileId, Instant createdAt) {}
