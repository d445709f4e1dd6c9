/**
 * Event collection compatible with the Segment HTTP Tracking API ({@code /v1/track}, {@code /v1/batch}, …),
 * and the sources that send events, one per channel instance, with their write keys.
 */
@ApplicationModule(displayName = "Tracking", allowedDependencies = {"platform", "events"})
@NullMarked
package io.throughline.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
