package io.throughline.orders;

import io.throughline.platform.Channel;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Checkout and orders, the same for every channel. */
public interface Orders {

    /**
     * Checks the cart out: prices it again, redeems its coupons, allocates its held stock, takes the payment
     * and places the order, or refuses with {@link io.throughline.platform.CheckoutRefused} and no order, no stock taken and no money
     * kept. The idempotency key makes it safe to repeat: the same key with the same request gives the same
     * outcome (the same order, or the same refusal); the same key with another request is refused.
     *
     * @param channel   the calling channel, e.g. {@code web} or {@code shop-budapest}
     * @param profileId the shopper as the channel knows her; another customer's cart is refused
     */
    Placed checkout(CheckoutRequest request, Channel channel, @Nullable UUID profileId, String idempotencyKey);

    Order get(UUID orderId);

    /** The customer's orders from every channel, newest first. */
    Page<OrderSummary> ofCustomer(UUID profileId, PageRequest page);

    /**
     * Orders of every channel, newest first, narrowed by what the filter gives: for staff looking for an order
     * by its number, or at a channel's, a state's or a location's orders.
     */
    Page<OrderSummary> list(Filter filter, PageRequest page);

    /**
     * Cancels an order nothing of which has been handed over: releases its stock, voids or refunds its payment.
     *
     * @param channel the channel key that cancels it, for the order's history ({@code console} for staff in the
     *                console); the customer event goes to that channel when it is a source's
     */
    Order cancel(UUID orderId, String channel, String reason);

    /**
     * What {@link #list} narrows by; null means any.
     *
     * @param locationId orders picked up at, or fulfilled from, the location
     */
    record Filter(@Nullable String number, @Nullable String channel, @Nullable OrderState state,
            @Nullable UUID locationId) {

        public static Filter any() {
            return new Filter(null, null, null, null);
        }
    }

    /** An order from {@link #checkout}, and whether this call placed it (false: a repeat of the same key). */
    record Placed(Order order, boolean created) {}
}
