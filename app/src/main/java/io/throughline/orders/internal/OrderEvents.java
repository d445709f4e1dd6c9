package io.throughline.orders.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.events.EventProduct;
import io.throughline.platform.Channel;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The orders' customer events — "Checkout Started", "Order Completed", "Order Cancelled", "Order Ready For
 * Pickup", "Order Picked Up", "Order Refunded", "Product Returned", with the Segment e-commerce property names —
 * appended to the event log on the order's profile (or anonymous id) and channel once the change is committed, so
 * that every processor sees online and offline purchases alike. Each is dated when it happened, which for an
 * imported historical order is long before it is received.
 */
@Component
class OrderEvents {

    /** Who the events are about: the profile, or for a guest the anonymous id. */
    record Shopper(@Nullable UUID profileId, @Nullable String anonymousId) {}

    private final EventLog eventLog;
    /** When the log receives an event is always now: its partitions are by arrival. */
    private final Clock arrival;

    OrderEvents(EventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.arrival = clock;
    }

    void checkoutStarted(Shopper shopper, Channel channel, Instant at, UUID checkoutId, Money total,
            List<String> coupons, List<EventProduct> products) {
        append(amounts(track(EventNames.CHECKOUT_STARTED, shopper, channel, at).property("checkout_id", checkoutId),
                total, coupons).products(products));
    }

    void orderCompleted(Shopper shopper, Channel channel, Instant at, UUID orderId, UUID checkoutId, Money total,
            Money discount, List<String> coupons, List<EventProduct> products) {
        append(amounts(track(EventNames.ORDER_COMPLETED, shopper, channel, at).property("order_id", orderId)
                .property("checkout_id", checkoutId), total, coupons)
                .money("discount", discount).products(products));
    }

    /** "Payment Failed": the processor declined or failed a checkout's payment (DECLINED or FAILED), nothing taken. */
    void paymentFailed(Shopper shopper, Channel channel, Instant at, UUID checkoutId, Money amount, String state) {
        append(track(EventNames.PAYMENT_FAILED, shopper, channel, at).property("checkout_id", checkoutId)
                .money("total", amount).property("state", state));
    }

    /** "Order Completed" of an order another system sold: its own number, and the country it was sold to. */
    void historicalOrderCompleted(Shopper shopper, Channel channel, Instant at, UUID orderId, String orderNumber,
            UUID checkoutId, Money total, List<EventProduct> products, @Nullable String country) {
        append(amounts(track(EventNames.ORDER_COMPLETED, shopper, channel, at).property("order_id", orderId)
                .property("order_number", orderNumber).property("checkout_id", checkoutId), total, List.of())
                .property("country", country).products(products));
    }

    /** "Product Returned" of units another system's return or cancellation document took back. */
    void historicalProductReturned(Shopper shopper, Channel channel, Instant at, UUID orderId, String returnNumber,
            EventProduct product) {
        append(track(EventNames.PRODUCT_RETURNED, shopper, channel, at).product(product)
                .property("order_id", orderId).property("return_number", returnNumber));
    }

    void orderCancelled(Shopper shopper, Channel channel, Instant at, UUID orderId, Money total, String reason) {
        append(track(EventNames.ORDER_CANCELLED, shopper, channel, at).property("order_id", orderId)
                .money("total", total).property("reason", reason));
    }

    void readyForPickup(Shopper shopper, Channel channel, Instant at, UUID orderId, String orderNumber,
            String locationCode, String pickupCode) {
        append(track(EventNames.ORDER_READY_FOR_PICKUP, shopper, channel, at).property("order_id", orderId)
                .property("order_number", orderNumber).property("location", locationCode)
                .property("pickup_code", pickupCode));
    }

    void pickedUp(Shopper shopper, Channel channel, Instant at, UUID orderId, String orderNumber, String locationCode) {
        append(track(EventNames.ORDER_PICKED_UP, shopper, channel, at).property("order_id", orderId)
                .property("order_number", orderNumber).property("location", locationCode));
    }

    void refunded(Shopper shopper, Channel channel, Instant at, UUID orderId, UUID returnId, Money refund,
            List<EventProduct> products) {
        append(track(EventNames.ORDER_REFUNDED, shopper, channel, at).property("order_id", orderId)
                .property("return_id", returnId).money("total", refund).products(products));
        for (EventProduct product : products) {
            append(track(EventNames.PRODUCT_RETURNED, shopper, channel, at).product(product)
                    .property("order_id", orderId).property("return_id", returnId));
        }
    }

    private static CustomerEvent track(String name, Shopper shopper, Channel channel, Instant at) {
        return CustomerEvent.track(name, channel, at).about(shopper.profileId(), shopper.anonymousId());
    }

    /** Segment's order amounts: the total, the revenue (the same here: no shipping or tax is charged apart). */
    private static CustomerEvent amounts(CustomerEvent event, Money total, List<String> coupons) {
        return event.money("total", total).money("revenue", total)
                .property("coupon", coupons.isEmpty() ? null : String.join(",", coupons));
    }

    private void append(CustomerEvent event) {
        if (!event.hasSubject()) {
            return;
        }
        Instant received = arrival.instant();
        eventLog.appendWithTransaction(event.toAppend(Ids.newId(arrival).toString(), received));
    }
}
