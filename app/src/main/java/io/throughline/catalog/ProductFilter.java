package io.throughline.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which products to list.
 *
 * @param query    words matched against names, SKUs, GTINs, attributes, categories and descriptions, ignoring
 *                 case and accents, the last word as a prefix; results are ranked best first
 * @param category only products filed under this category or any category below it
 * @param channel  only products the channel sells now
 * @param active   only active (true) or inactive (false) products; both when null
 */
public record ProductFilter(@Nullable String query, @Nullable UUID category, @Nullable String channel,
        @Nullable Boolean active) {

    public static ProductFilter all() {
        return new ProductFilter(null, null, null, null);
    }
}
