/** Retention: periods per table in one place, and the job that sweeps them and records what it removed. */
@NullMarked
package io.throughline.privacy.internal.retention;

import org.jspecify.annotations.NullMarked;
