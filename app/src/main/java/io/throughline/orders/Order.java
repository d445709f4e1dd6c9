package io.throughline.orders;

import io.throughline.platform.Money;
import io.throughline.pricing.Quote;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as sold: the quote it was sold at (lines, adjustments with their reasons, totals) kept as it was,
 * the shipments it is fulfilled in, its payments, its returns, and the states it went through.
 *
 * @param checkoutId the checkout that placed it (the Segment {@code checkout_id})
 * @param profileId  null for a guest order, which carries the anonymous id instead
 */
public record Order(UUID id, String number, OrderState state, String channel, UUID cartId, UUID checkoutId,
        @Nullable UUID profileId, @Nullable String anonymousId, String currency, DeliveryMethod delivery,
        @Nullable UUID pickupLocationId, @Nullable ShippingAddress address, List<Line> lines,
        List<Quote.Adjustment> adjustments, List<String> coupons, Money subtotal, Money discount, Money total,
        List<Shipment> shipments, List<Payment> payments, List<ReturnSummary> returns, List<StateChange> history,
        Instant placedAt, Instant updatedAt) {

    /** One SKU as sold: list price, its share of the discounts, what was paid for it, and how many came back. */
    public record Line(int index, String sku, @Nullable UUID productId, String name, int quantity, Money unitPrice,
            Money subtotal, Money discount, Money total, int returnedQuantity) {}

    /**
     * The part of the order fulfilled from one location.
     *
     * @param pickupCode the short code the customer shows at the shop; set once it is ready for pickup
     */
    public record Shipment(UUID id, UUID locationId, String locationCode, ShipmentState state,
            List<ShipmentLine> lines, @Nullable String trackingNumber, @Nullable String pickupCode,
            Instant updatedAt) {

        public Shipment {
            lines = List.copyOf(lines);
        }
    }

    /** Units of a SKU allocated at the shipment's location, by the inventory reservation that holds them. */
    public record ShipmentLine(String sku, int quantity, UUID reservationId) {}

    /** A return of the order, in brief. */
    public record ReturnSummary(UUID id, String channel, UUID locationId, Money refund, RefundTo refundTo,
            Instant acceptedAt) {}

    /**
     * A state the order came into, oldest first.
     *
     * @param channel the channel that moved it (a shop's code for its fulfilment steps, {@code console} for staff
     *                in the console); null for a change made before the history was kept
     */
    public record StateChange(OrderState state, Instant at, @Nullable String channel) {}

    public Order {
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
        coupons = List.copyOf(coupons);
        shipments = List.copyOf(shipments);
        payments = List.copyOf(payments);
        returns = List.copyOf(returns);
        history = List.copyOf(history);
    }
}
