package io.throughline.demo;

import java.time.Instant;

/** The demo brand's staff, sources and customers are in place; later modules add their part of the brand on it. */
public record DemoBrandLoaded(String brand, int staffAccounts, int customers, Instant loadedAt) {}
