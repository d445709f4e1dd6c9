package io.throughline.orders;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Orders from before the platform ran, imported through the ordinary API at the times they happened. Checkouts,
 * fulfilment steps and returns made inside {@link #asOf} are recorded at that time — placed, shipped, collected,
 * refunded, and their customer events — with the clock running on from it, instead of now. Stock, carts and
 * prices are still today's: only the orders' own records are dated. For a brand importing its earlier orders,
 * and for the demo brand's order history.
 */
public interface HistoricalOrders {

    /**
     * Runs the work, on the calling thread, with this module's clock set back to the time.
     *
     * @param at when the work happened; not in the future
     */
    <T> T asOf(Instant at, Supplier<T> work);
}
