/**
 * The customer event log: durable, append-only, ordered, acknowledged only after commit. Appends from many
 * requests share one commit (group commit); identity is resolved inside that commit; processors read the
 * log from their own stored offsets.
 */
@ApplicationModule(displayName = "Events", allowedDependencies = "platform")
@NullMarked
package io.throughline.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
