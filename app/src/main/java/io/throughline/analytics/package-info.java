/**
 * Analytics: the brand's KPIs defined once (named, versioned, with their formula), funnels over any sequence of
 * events, cohorts, customer lifetime value with a fitted BG/NBD and Gamma-Gamma model, and multi-touch attribution,
 * all read from rollups that a processor keeps as the customer event log grows.
 */
@ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"platform", "events", "tracking", "customers", "privacy", "inventory",
                "journeys", "segments"})
@NullMarked
package io.throughline.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
