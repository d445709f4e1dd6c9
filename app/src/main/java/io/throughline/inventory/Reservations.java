package io.throughline.inventory;

import io.throughline.catalog.Sku;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Holds and allocations of stock, for carts and orders. Every call is safe to repeat: reserving again with
 * the same reference, SKU and location changes that reservation rather than adding one, and releasing or
 * confirming twice has the effect of once.
 */
public interface Reservations {

    /**
     * Holds the quantity at the location for the reference until the time to live runs out. Refused with a
     * conflict when fewer units are unreserved there.
     */
    Reservation reserve(Sku sku, UUID locationId, int quantity, String reference, Duration ttl);

    /** Pushes a hold's expiry to now plus the time to live; a hold that has already expired cannot be extended. */
    Reservation extend(UUID reservationId, Duration ttl);

    /** Gives the stock back. */
    Reservation release(UUID reservationId);

    /** Turns a live hold into an allocation that no longer expires (the order was placed). */
    Reservation confirm(UUID reservationId);

    /** The reserved stock was handed over: records the SALE and closes the reservation, in one transaction. */
    Reservation fulfil(UUID reservationId);

    Reservation get(UUID reservationId);

    /** All reservations made for the reference, oldest first. */
    List<Reservation> byReference(String reference);
}
