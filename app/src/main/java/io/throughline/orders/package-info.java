/**
 * What comes after the cart: one checkout for every channel (idempotent, paying through a payments port),
 * orders with their state machine, fulfilment by delivery, pickup and ship-from-store, and returns and
 * refunds in any channel.
 */
@ApplicationModule(displayName = "Orders", allowedDependencies = {"platform", "events", "tracking", "customers",
        "catalog", "inventory", "pricing", "carts", "privacy"})
@NullMarked
package io.throughline.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
