package io.throughline.catalog;

import java.time.Instant;
import java.util.Collection;

/**
 * Whether a channel sells a variant at a moment. It does when the variant and its product are active and
 * the product's assortment has a row for the channel whose period covers the moment. A product with no
 * assortment rows is sold on no channel: offering a product is a decision per channel, never a default, so
 * that a half-entered product cannot appear in a shop by accident.
 */
public final class SalesPolicy {

    private SalesPolicy() {}

    public static boolean sells(boolean productActive, boolean variantActive,
            Collection<ChannelAssortment> assortment, String channel, Instant at) {
        return productActive && variantActive
                && assortment.stream().anyMatch(row -> row.channel().equals(channel) && row.covers(at));
    }
}
