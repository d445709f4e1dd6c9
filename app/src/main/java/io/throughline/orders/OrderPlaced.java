package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order was placed and paid for (or is to be paid at pickup). */
public record OrderPlaced(UUID orderId, String number, @Nullable UUID profileId, String channel,
        DeliveryMethod delivery, Money total, List<Item> items, Instant placedAt) {

    /** A SKU sold, how many, and what was paid for them after discounts. */
    public record Item(String sku, int quantity, Money total) {}

    public OrderPlaced {
        items = List.copyOf(items);
    }
}
