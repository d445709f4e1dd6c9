package io.throughline.imports.internal;

import io.throughline.imports.OrderImportMapping;
import io.throughline.platform.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One run of an import: its mapping and what it learnt on the way — products by SKU, channels by key — which only
 * committed batches teach it, so a rolled-back batch leaves nothing wrong behind.
 */
final class ImportRun {

    /** A catalogue product as the run knows it. */
    record ProductRef(UUID productId, String name) {}

    final UUID id;
    final OrderImportMapping mapping;
    final Map<String, ProductRef> products = new HashMap<>();
    final Map<String, Channel> channels = new HashMap<>();

    ImportRun(UUID id, OrderImportMapping mapping) {
        this.id = id;
        this.mapping = mapping;
    }

    boolean prefixMarksReturns() {
        return mapping.cancellationPrefix() != null && !mapping.cancellationPrefix().isEmpty();
    }
}
