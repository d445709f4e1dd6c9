/**
 * Customer profiles: who the customer is and how to reach her, searchable by every channel. Later: the
 * identity graph, merges and the customer timeline.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = {"platform", "events", "privacy"})
@NullMarked
package io.throughline.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
