/**
 * Privacy: consent per purpose and channel, and the audit log of staff access to personal data. Later:
 * subject-access export and erasure across every module.
 */
@ApplicationModule(displayName = "Privacy", allowedDependencies = {"platform", "events"})
@NullMarked
package io.throughline.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
