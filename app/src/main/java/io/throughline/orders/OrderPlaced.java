package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order was placed and paid for (or is to be paid at pickup).
 *
 * @param paidInPoints the part of the total paid with loyalty points (zero when none), which earns no points
 */
public record OrderPlaced(UUID orderId, String number, @Nullable UUID profileId, String channel,
        DeliveryMethod delivery, Money total, List<Item> items, Instant placedAt, Money paidInPoints) {

    /** A SKU sold, how many, and what was paid for them after discounts. */
    public record Item(String sku, int quantity, Money total) {}

    public OrderPlaced {
        items = List.copyOf(items);
    }

    /** An order paid without points, as imports of earlier orders place them. */
    public OrderPlaced(UUID orderId, String number, @Nullable UUID profileId, String channel, DeliveryMethod delivery,
            Money total, List<Item> items, Instant placedAt) {
        this(orderId, number, profileId, channel, delivery, total, items, placedAt, new Money(0, total.currency()));
    }
}
