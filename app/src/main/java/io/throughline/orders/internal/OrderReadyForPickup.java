package io.throughline.orders.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A click &amp; collect order waits at the shop; the customer collects it with the pickup code. */
public record OrderReadyForPickup(UUID orderId, String number, @Nullable UUID profileId, UUID locationId,
        String locationCode, String pickupCode, Instant readyAt) {}
