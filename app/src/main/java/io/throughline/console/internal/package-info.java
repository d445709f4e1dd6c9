/**
 * The console's page controllers, each reading other modules' APIs, and the helpers their views share.
 */
@NullMarked
package io.throughline.console.internal;

import org.jspecify.annotations.NullMarked;
