package io.throughline.console.internal;

import io.throughline.catalog.Product;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.ProductSummary;
import io.throughline.catalog.Products;
import io.throughline.catalog.Variant;
import io.throughline.platform.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finding what to sell at the till: by name, by SKU, or by the GTIN a scanner types in, among the products the
 * shop's channel sells now.
 */
@Component
class TillCatalogue {

    static final int RESULTS = 12;

    /** A variant the till can add, named as the shopper reads it. */
    record Found(String sku, String name, String gtin) {}

    private final Products products;

    TillCatalogue(Products products) {
        this.products = products;
    }

    List<Found> search(String query, String channel) {
        List<Found> found = new ArrayList<>();
        for (ProductSummary summary : products.list(new ProductFilter(query.strip(), null, channel, true),
                new PageRequest(0, RESULTS)).items()) {
            Product product = products.get(summary.id());
            for (Variant variant : product.variants()) {
                if (variant.active()) {
                    found.add(new Found(variant.sku().value(), name(product, variant),
                            variant.gtin() == null ? "" : variant.gtin().value()));
                }
            }
        }
        return found;
    }

    /** The one variant whose SKU or GTIN is exactly what was scanned or typed, if there is one. */
    Optional<Found> exactly(String scanned, List<Found> found) {
        String code = scanned.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        List<Found> exact = found.stream()
                .filter(candidate -> candidate.sku().equalsIgnoreCase(code) || candidate.gtin().equals(code))
                .toList();
        return exact.size() == 1 ? Optional.of(exact.getFirst()) : Optional.empty();
    }

    private static String name(Product product, Variant variant) {
        return product.variants().size() == 1 || variant.name().isBlank() ? product.name()
                : product.name() + " · " + variant.name();
    }
}
