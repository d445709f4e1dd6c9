@NullMarked
package io.throughline.imports.internal;

import org.jspecify.annotations.NullMarked;
