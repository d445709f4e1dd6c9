@NullMarked
package io.throughline.segments.internal;

import org.jspecify.annotations.NullMarked;
