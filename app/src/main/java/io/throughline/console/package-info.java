/**
 * The staff console: server-rendered pages around one layout, with htmx for partial updates. It owns no
 * data; every page reads other modules' APIs.
 */
@ApplicationModule(displayName = "Console", allowedDependencies = {"platform", "customers", "events", "tracking", "privacy", "catalog", "inventory", "pricing", "messaging", "carts", "journeys", "orders", "imports", "recommendations", "segments", "analytics", "service"})
@NullMarked
package io.throughline.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
