package io.throughline.inventory.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stock is kept only for SKUs the catalogue knows. A retired (inactive) variant still counts: its stock must
 * still be counted, sold off or returned.
 */
@Component
class KnownSkus {

    private final Catalogue catalogue;
    private final Permanent<Sku> known = new Permanent<>();

    KnownSkus(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    void check(Sku sku) {
        if (known.contains(sku)) {
            return;
        }
        if (catalogue.item(sku).isEmpty()) {
            throw new InvalidRequestException("sku", "is not in the catalogue: " + sku.value());
        }
        // Variants are retired, never deleted: a SKU once in the catalogue stays there.
        known.remember(sku);
    }

    void checkAll(Collection<Sku> skus) {
        Set<Sku> distinct = Set.copyOf(skus);
        var known = catalogue.items(distinct).keySet();
        distinct.stream().filter(sku -> !known.contains(sku)).findFirst().ifPresent(unknown -> {
            throw new InvalidRequestException("sku", "is not in the catalogue: " + unknown.value());
        });
    }
}
