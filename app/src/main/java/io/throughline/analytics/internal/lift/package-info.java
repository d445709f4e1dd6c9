/** A journey's lift against its control group, Spring-free. */
@NullMarked
package io.throughline.analytics.internal.lift;

import org.jspecify.annotations.NullMarked;
