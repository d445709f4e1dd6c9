/**
 * Stock behind its API: locations, the movement ledger and balances, reservations and their sweep,
 * availability per channel and its live stream, stock-count imports, and the inventory REST API.
 */
@NullMarked
package io.throughline.inventory.internal;

import org.jspecify.annotations.NullMarked;
