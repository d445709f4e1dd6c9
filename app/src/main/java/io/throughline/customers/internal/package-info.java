/**
 * Customers behind their API: profiles, the identity graph with merges and unmerges, traits and channel
 * activity drawn from the event log, and the customers REST API.
 */
@NullMarked
package io.throughline.customers.internal;

import org.jspecify.annotations.NullMarked;
