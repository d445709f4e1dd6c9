/**
 * Carts that follow the shopper across channels and devices: lines priced by the quote engine on every read,
 * stock held by expiring reservations, merge on sign-in and handoff codes for the till.
 */
@ApplicationModule(displayName = "Carts",
        allowedDependencies = {"platform", "catalog", "inventory", "pricing", "customers", "events", "tracking"})
@NullMarked
package io.throughline.carts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
