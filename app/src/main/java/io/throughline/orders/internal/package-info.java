/**
 * Orders behind their API: checkout, payments through processors, orders and their transitions, fulfilment,
 * returns and refunds, and the orders REST API.
 */
@NullMarked
package io.throughline.orders.internal;

import org.jspecify.annotations.NullMarked;
