package io.throughline.carts.internal;

import java.time.Instant;
import java.util.UUID;

/** A cart became an order; its holds were handed to the order. */
public record CartCheckedOut(UUID cartId, UUID orderId, String channel, Instant checkedOutAt) {}
