package io.throughline.orders.internal;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.OrderState;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.Money;
import io.throughline.pricing.Quote;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order's own row, without its lines, shipments, payments and returns. */
record OrderRow(UUID id, String number, OrderState state, String channel, UUID cartId, UUID checkoutId,
        @Nullable UUID profileId, @Nullable String anonymousId, String currency, DeliveryMethod delivery,
        @Nullable UUID pickupLocationId, @Nullable ShippingAddress address, List<Quote.Adjustment> adjustments,
        List<String> coupons, long subtotal, long discount, long total, Instant placedAt, Instant updatedAt) {

    Money totalMoney() {
        return new Money(total, currency);
    }
}
