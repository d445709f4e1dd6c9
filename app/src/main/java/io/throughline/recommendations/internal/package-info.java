@NullMarked
package io.throughline.recommendations.internal;

import org.jspecify.annotations.NullMarked;
