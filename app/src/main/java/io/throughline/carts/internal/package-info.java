/**
 * Carts behind their API: storage, pricing through the quote engine, stock holds, merge on sign-in, handoff
 * codes and the carts REST API.
 */
@NullMarked
package io.throughline.carts.internal;

import org.jspecify.annotations.NullMarked;
