package io.throughline.catalog;

import java.util.Optional;
import java.util.UUID;

/** Variants found by their barcode and changed one at a time; they are added and retired through {@link Products}. */
public interface Variants {

    /** The variant whose GTIN this is, retired ones included: a till or a stock count may scan old stock. */
    Optional<ProductVariant> findByGtin(Gtin gtin);

    /**
     * Changes a variant's name, GTIN and attributes; its SKU stays, since stock, prices and orders refer to it.
     *
     * @throws io.throughline.platform.ConflictException naming {@code gtin} when another variant has that GTIN
     */
    Product updateVariant(UUID productId, Sku sku, VariantChange change);
}
