/**
 * Journeys behind their API: definitions and their parser, the walk and the engine that moves instances,
 * durable timers, sends and the journeys REST API.
 */
@NullMarked
package io.throughline.journeys.internal;

import org.jspecify.annotations.NullMarked;
