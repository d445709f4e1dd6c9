/**
 * Order history from systems that have no API: CSV files of order lines with a column mapping, imported in the
 * background into orders, customers and the catalogue through their own APIs — so an imported order is an order
 * like any other, with its customer, her timeline and the log's processors — once per order number, resuming
 * after a crash, with a per-line report of what it could not take.
 */
@ApplicationModule(displayName = "Imports", allowedDependencies = {"platform", "events", "tracking", "catalog",
        "orders"})
@NullMarked
package io.throughline.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
