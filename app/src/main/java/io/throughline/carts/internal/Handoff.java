package io.throughline.carts.internal;

import java.time.Instant;
import java.util.UUID;

/** A short code that moves a cart to a till or another device until it expires or is claimed. */
public record Handoff(String code, UUID cartId, Instant expiresAt) {}
