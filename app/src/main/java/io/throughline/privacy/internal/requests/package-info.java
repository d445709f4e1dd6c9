/** Data-subject requests: their lifecycle, store, API, and the calls into the personal-data engine. */
@NullMarked
package io.throughline.privacy.internal.requests;

import org.jspecify.annotations.NullMarked;
