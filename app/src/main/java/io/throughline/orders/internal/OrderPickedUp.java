package io.throughline.orders.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The customer collected her order at the shop (or took it across the till's counter). */
public record OrderPickedUp(UUID orderId, @Nullable UUID profileId, UUID locationId, String channel,
        Instant pickedUpAt) {}
