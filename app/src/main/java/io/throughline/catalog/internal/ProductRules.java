package io.throughline.catalog.internal;

import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules a product's parts obey on their own, before the database is asked anything: SKUs well formed and
 * not repeated, GTINs with a right check digit and not repeated, images linked by http(s) URLs, one assortment
 * period per channel ending after it starts. Each broken rule names the field as the request spells it.
 */
final class ProductRules {

    /** A variant after its rules passed: SKU upper-cased, GTIN checked, name defaulted. */
    record CheckedVariant(Sku sku, @Nullable Gtin gtin, String name, NewVariant source) {}

    private ProductRules() {}

    static List<CheckedVariant> variants(String productName, List<NewVariant> variants, String field) {
        List<CheckedVariant> checked = new ArrayList<>();
        Set<Sku> skus = new HashSet<>();
        Set<Gtin> gtins = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            NewVariant variant = variants.get(i);
            String at = field + "[" + i + "]";
            Sku sku = sku(variant.sku(), at + ".sku");
            if (!skus.add(sku)) {
                throw new InvalidRequestException(at + ".sku", "repeats SKU " + sku + " of another variant");
            }
            Gtin gtin = variant.gtin() == null || variant.gtin().isBlank() ? null : gtin(variant.gtin(), at + ".gtin");
            if (gtin != null && !gtins.add(gtin)) {
                throw new InvalidRequestException(at + ".gtin", "repeats GTIN " + gtin + " of another variant");
            }
            String name = variant.name() == null || variant.name().isBlank() ? productName.strip() : variant.name().strip();
            checked.add(new CheckedVariant(sku, gtin, name, variant));
        }
        return checked;
    }

    static Sku sku(String value, String field) {
        try {
            return new Sku(value.strip());
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(field, invalid.reason());
        }
    }

    static Gtin gtin(String value, String field) {
        try {
            return new Gtin(value);
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(field, invalid.reason());
        }
    }

    static void images(List<ProductImage> images, String field) {
        for (int i = 0; i < images.size(); i++) {
            String problem = ProductImage.problemWithUrl(images.get(i).url().strip());
            if (problem != null) {
                throw new InvalidRequestException(field + "[" + i + "].url", problem);
            }
        }
    }

    static void assortment(List<ChannelAssortment> rows, String field) {
        Set<String> channels = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ChannelAssortment row = rows.get(i);
            if (!channels.add(row.channel())) {
                throw new InvalidRequestException(field + "[" + i + "].channel",
                        "repeats channel " + row.channel() + "; give one period per channel");
            }
            if (row.until() != null && !row.until().isAfter(row.from())) {
                throw new InvalidRequestException(field + "[" + i + "].until", "must be after from");
            }
        }
    }
}
