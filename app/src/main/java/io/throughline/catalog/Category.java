package io.throughline.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree.
 *
 * @param path the slugs from the root, slash-separated, e.g. {@code wines/tokaji/aszu}
 * @param depth 0 for a root category
 */
public record Category(UUID id, @Nullable UUID parentId, String slug, String name, String path, int depth,
        Instant createdAt) {}
