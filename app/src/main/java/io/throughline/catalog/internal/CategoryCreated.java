package io.throughline.catalog.internal;

import java.time.Instant;
import java.util.UUID;

/** A category was added to the tree. */
public record CategoryCreated(UUID categoryId, String path, Instant createdAt) {}
