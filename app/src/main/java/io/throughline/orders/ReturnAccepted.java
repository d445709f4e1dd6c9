package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods of an order came back and were refunded; loyalty reverses the points they earned.
 *
 * @param orderTotal what the order was sold for, so a consumer can prorate what it granted
 */
public record ReturnAccepted(UUID returnId, UUID orderId, @Nullable UUID profileId, String channel,
        UUID locationId, List<OrderReturn.Line> lines, Money refund, Money orderTotal, RefundTo refundTo,
        Instant acceptedAt) {

    public ReturnAccepted {
        lines = List.copyOf(lines);
    }
}
