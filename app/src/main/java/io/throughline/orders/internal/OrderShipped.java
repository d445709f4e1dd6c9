package io.throughline.orders.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The part of an order fulfilled from one location left with the carrier. */
public record OrderShipped(UUID orderId, UUID shipmentId, @Nullable UUID profileId, UUID locationId,
        String trackingNumber, Instant shippedAt) {}
