package io.throughline.catalog;

import java.util.UUID;

/** Products and their variants as staff manage them. Reads for other modules go through {@link Catalogue}. */
public interface Products {

    Product create(NewProduct product);

    Product get(UUID id);

    ProductVariant variant(Sku sku);
}
