/**
 * Stock: locations (warehouses and shops), a movement ledger per SKU and location from which on-hand is
 * derived, reservations that expire by themselves, and availability per channel, streamed in real time.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"platform", "catalog"})
@NullMarked
package io.throughline.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
