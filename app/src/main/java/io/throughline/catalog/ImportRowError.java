package io.throughline.catalog;

import org.jspecify.annotations.Nullable;

/** A refused row: its line in the file (the header is line 1), its SKU when it had one, and why. */
public record ImportRowError(long line, @Nullable String sku, String field, String reason) {}
