package io.throughline.orders;

import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.UUID;

/** Returns in any channel, of orders from any channel, with refunds and store credit. */
public interface Returns {

    /**
     * Takes units of the order back at the location: never more of a SKU than was sold and not yet returned.
     * The stock goes back at that location; the money goes to the original payment or to store credit.
     */
    OrderReturn accept(UUID orderId, ReturnRequest request, Channel channel);

    /** Returns received at the location, newest first. */
    Page<OrderReturn> receivedAt(UUID locationId, PageRequest page);

    /** The customer's store credit balance in the currency (zero when she has none). */
    Money storeCredit(UUID profileId, String currency);
}
