/**
 * What every module shares and nothing more: ids, pages, errors, the clock, staff security and the
 * database bootstrap.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
@NullMarked
package io.throughline.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
