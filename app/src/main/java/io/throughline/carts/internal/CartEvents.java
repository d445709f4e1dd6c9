package io.throughline.carts.internal;

import io.throughline.carts.internal.JdbcCarts.CartRow;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The cart's customer events — "Product Added", "Product Removed", "Cart Viewed", "Coupon Applied", with the
 * Segment e-commerce property names — appended to the event log on the cart's profile (or its anonymous id)
 * and the channel of the request, once the change is committed, so that Customer 360 shows what she did.
 */
@Component
class CartEvents {

    private final EventLog eventLog;
    private final Clock clock;

    CartEvents(EventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    void productAdded(CartRow cart, Channel channel, EventProduct product) {
        append(event(EventNames.PRODUCT_ADDED, cart, channel).product(product));
    }

    void productRemoved(CartRow cart, Channel channel, EventProduct product) {
        append(event(EventNames.PRODUCT_REMOVED, cart, channel).product(product));
    }

    void cartViewed(CartRow cart, Channel channel, List<EventProduct> products) {
        append(event(EventNames.CART_VIEWED, cart, channel).products(products));
    }

    void couponApplied(CartRow cart, Channel channel, String code, @Nullable String promotionName,
            @Nullable Money discount) {
        append(event(EventNames.COUPON_APPLIED, cart, channel)
                .property("coupon", code)
                .property("coupon_name", promotionName)
                .money("discount", discount == null ? null : discount.negate()));
    }

    private CustomerEvent event(String name, CartRow cart, Channel channel) {
        return CustomerEvent.track(name, channel, clock.instant())
                .about(cart.profileId(), cart.anonymousId())
                .property("cart_id", cart.id());
    }

    private void append(CustomerEvent event) {
        Instant now = clock.instant();
        eventLog.appendAfterCommit(event.toAppend(Ids.newId(clock).toString(), now));
    }
}
