package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order in a list: enough to show it in a customer's history or a shop's queue. */
public record OrderSummary(UUID id, String number, OrderState state, String channel, @Nullable UUID profileId,
        DeliveryMethod delivery, @Nullable UUID pickupLocationId, int items, Money total, Instant placedAt) {}
