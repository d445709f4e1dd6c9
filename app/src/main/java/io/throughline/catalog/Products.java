package io.throughline.catalog;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;

/** Products and their variants as staff manage them. Reads for other modules go through {@link Catalogue}. */
public interface Products {

    Product create(NewProduct product);

    Product get(UUID id);

    ProductVariant variant(Sku sku);

    Page<ProductSummary> list(ProductFilter filter, PageRequest page);

    Product update(UUID id, ProductChange change);

    Product addVariant(UUID id, NewVariant variant);

    /**
     * Retires a variant: it stays (inactive) so that stock, prices and past orders keep resolving its SKU, and
     * the SKU is never given to something else.
     */
    Product removeVariant(UUID id, Sku sku);

    /** Replaces the product's assortment: the channels that sell it and from when until when. */
    Product setAssortment(UUID id, List<ChannelAssortment> assortment);
}
