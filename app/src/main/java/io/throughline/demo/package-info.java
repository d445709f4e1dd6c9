/**
 * The demo brand, Tokaj Cellars: a fictional winery with a web shop, an app, three shops and a contact
 * centre, its staff and its customers. Loaded on the first start with the embedded database, and on
 * request otherwise.
 */
@ApplicationModule(displayName = "Demo brand", allowedDependencies = {"platform", "customers", "tracking", "events", "catalog", "inventory", "pricing", "messaging", "carts", "orders", "journeys", "segments", "analytics", "loyalty", "service"})
@NullMarked
package io.throughline.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
