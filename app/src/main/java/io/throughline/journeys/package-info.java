/**
 * Journeys: versioned definitions that take customers from a trigger (an event, a schedule or an API call)
 * through waits, splits and sends, with durable timers, exit goals and re-entry rules.
 */
@ApplicationModule(displayName = "Journeys",
        allowedDependencies = {"platform", "events", "tracking", "customers", "messaging", "pricing"})
@NullMarked
package io.throughline.journeys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
