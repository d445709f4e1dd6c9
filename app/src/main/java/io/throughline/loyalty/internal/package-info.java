/** The ledger, its stores, the earning and till use cases and the loyalty API. */
@NullMarked
package io.throughline.loyalty.internal;

import org.jspecify.annotations.NullMarked;
