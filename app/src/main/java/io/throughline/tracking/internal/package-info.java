/**
 * Collection behind its API: the Segment-compatible endpoints, the reader that checks each call, rate limits
 * per source, and sources with their write keys.
 */
@NullMarked
package io.throughline.tracking.internal;

import org.jspecify.annotations.NullMarked;
