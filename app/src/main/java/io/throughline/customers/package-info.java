/**
 * One profile per customer across every channel: who she is and how to reach her, the identity graph that
 * joins her identifiers (with merges that can be undone), her traits and channel activity, and her timeline.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = {"platform", "events", "privacy"})
@NullMarked
package io.throughline.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
