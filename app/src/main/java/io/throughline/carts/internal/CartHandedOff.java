package io.throughline.carts.internal;

import java.time.Instant;
import java.util.UUID;

/** A channel claimed a cart by its handoff code, e.g. the till scanned the code on the shopper's phone. */
public record CartHandedOff(UUID cartId, String fromChannel, String toChannel, Instant claimedAt) {}
