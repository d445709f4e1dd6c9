/**
 * Messaging: one message with a variant per channel, logic-less templates, delivery through a channel adapter
 * per channel under consent, and the delivery, open, click and unsubscribe events of every send.
 */
@ApplicationModule(displayName = "Messaging", allowedDependencies = {"platform", "events", "customers", "privacy", "inventory",
        "recommendations"})
@NullMarked
package io.throughline.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
