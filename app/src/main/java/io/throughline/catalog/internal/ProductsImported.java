package io.throughline.catalog.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An import created or updated many products at once. Published once per import rather than once per product,
 * so that listeners re-read what they cache instead of receiving a hundred thousand events.
 */
public record ProductsImported(UUID importId, int rowsLoaded, Instant finishedAt) {}
