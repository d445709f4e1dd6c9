/**
 * Segments: audiences defined as a typed condition tree over what a customer is (traits, age, place,
 * consent) and what she did (events counted or summed in a time window), kept live from the log, ended on
 * time by per-profile expiry timers, and evaluated in SQL over every profile when a definition is saved.
 */
@ApplicationModule(displayName = "Segments",
        allowedDependencies = {"platform", "events", "privacy", "inventory", "customers"})
@NullMarked
package io.throughline.segments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
