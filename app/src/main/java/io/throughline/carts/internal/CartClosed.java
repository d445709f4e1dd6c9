package io.throughline.carts.internal;

import java.time.Instant;
import java.util.UUID;

/** A cart was closed and its stock holds released. */
public record CartClosed(UUID cartId, String channel, Instant closedAt) {}
