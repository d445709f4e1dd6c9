package io.throughline.orders;

import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A return accepted in a channel at a location: the units that came back and the money that went out. */
public record OrderReturn(UUID id, UUID orderId, String orderNumber, String channel, UUID locationId,
        @Nullable UUID profileId, List<Line> lines, Money refund, RefundTo refundTo, @Nullable String reason,
        Instant acceptedAt) {

    /** Units of a SKU returned and what they were paid for. */
    public record Line(String sku, int quantity, Money refund) {}

    public OrderReturn {
        lines = List.copyOf(lines);
    }
}
