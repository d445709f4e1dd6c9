package io.throughline.analytics.internal.attribution;

import java.time.Instant;

/** A channel a customer was active in, and when. */
public record Touchpoint(String channel, Instant at) {}
