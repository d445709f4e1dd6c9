/**
 * How the demo brand is loaded: its catalogue, stock, prices, customers and their histories, orders, messages
 * and journeys, each created through the owning module's API.
 */
@NullMarked
package io.throughline.demo.internal;

import org.jspecify.annotations.NullMarked;
