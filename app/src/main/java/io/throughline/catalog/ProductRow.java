package io.throughline.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One product with one variant as an import loads it, already split into fields but not yet checked.
 *
 * @param categoryPaths slash-separated paths of category names or slugs, e.g. {@code Wines/Tokaji/Aszú}
 * @param channels      channel keys that sell the product; a channel new to the product sells it from the time
 *                      of the import, one it already had keeps its period, one left out stops selling it
 */
public record ProductRow(long line, String sku, @Nullable String gtin, String name, List<String> categoryPaths,
        String description, List<Attribute> attributes, @Nullable String imageUrl, List<String> channels) {

    public ProductRow {
        categoryPaths = List.copyOf(categoryPaths);
        attributes = List.copyOf(attributes);
        channels = List.copyOf(channels);
    }
}
