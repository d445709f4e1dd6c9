/**
 * The contact centre's inbox: one thread per customer across every channel. A message from chat, email or a call
 * lands on the case of the profile its sender's identifiers resolve to; agents take cases from a queue ordered by
 * time to breach, answer on the customer's channel, and see her whole history beside the conversation.
 */
@ApplicationModule(displayName = "Service", allowedDependencies = {"platform", "events", "tracking", "customers",
        "privacy", "orders", "carts", "messaging", "inventory"})
@NullMarked
package io.throughline.service;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
