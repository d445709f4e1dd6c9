/**
 * The catalogue behind its API: products, variants and categories in PostgreSQL, full-text search, CSV imports
 * in the background, and the catalogue REST API.
 */
@NullMarked
package io.throughline.catalog.internal;

import org.jspecify.annotations.NullMarked;
