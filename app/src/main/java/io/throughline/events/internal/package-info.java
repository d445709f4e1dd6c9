/**
 * The event log behind its API: the group-committing writer, timelines, the processor runner and log
 * maintenance.
 */
@NullMarked
package io.throughline.events.internal;

import org.jspecify.annotations.NullMarked;
