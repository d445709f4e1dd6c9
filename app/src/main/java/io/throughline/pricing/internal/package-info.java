/**
 * Pricing behind its API: price lists, promotions and coupons in PostgreSQL, the in-memory snapshot the quote
 * engine prices from, quotes and redemptions, and the pricing REST API.
 */
@NullMarked
package io.throughline.pricing.internal;

import org.jspecify.annotations.NullMarked;
