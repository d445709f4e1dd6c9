package io.throughline.imports;

import java.time.Instant;
import java.util.UUID;

/** An import of order history finished: its orders are in, with their customer events. */
public record OrderHistoryImported(UUID importId, int ordersImported, int returnsImported, Instant finishedAt) {}
