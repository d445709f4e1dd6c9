package io.throughline.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The catalogue as other modules read it: by SKU, in bulk, and whether a channel sells a variant. */
public interface Catalogue {

    Optional<CatalogueItem> item(Sku sku);

    /** The items of the SKUs that exist; unknown SKUs are absent from the map. */
    Map<Sku, CatalogueItem> items(Collection<Sku> skus);

    /** Whether the channel (a source's channel key, e.g. "web", "till-budapest") sells the SKU at that moment. */
    boolean isSoldOn(Sku sku, String channel, Instant at);
}
