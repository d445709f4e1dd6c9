/**
 * The embedded PostgreSQL the platform starts when no external database is configured.
 */
@NullMarked
package io.throughline.platform.internal.database;

import org.jspecify.annotations.NullMarked;
