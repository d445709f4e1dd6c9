package io.throughline.catalog.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.ImportRowError;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.ProductRow;
import io.throughline.catalog.Sku;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules an imported row obeys before it is written: a well-formed SKU not seen earlier in the same load, a
 * name, a GTIN with its right check digit that no other SKU of the load carries, known categories, an http(s)
 * image URL and well-formed channel keys. Keeps what it has seen, so one instance checks one load.
 */
final class ProductRowRules {

    /** A row that passed: ready to write. */
    record CheckedRow(long line, Sku sku, @Nullable Gtin gtin, String name, List<UUID> categoryIds,
            String description, List<Attribute> attributes, @Nullable String imageUrl, List<String> channels) {}

    /** One row's verdict: written next, or refused with a reason. */
    sealed interface Verdict permits Accepted, Refused {}

    record Accepted(CheckedRow row) implements Verdict {}

    record Refused(ImportRowError error) implements Verdict {}

    private final Map<String, UUID> categoryIdsByPath;
    private final Map<Sku, Long> lineOfSku = new HashMap<>();
    private final Map<Gtin, Sku> skuOfGtin = new HashMap<>();

    /** @param categoryIdsByPath every category id by its slug path ({@code wines/tokaji/aszu}) */
    ProductRowRules(Map<String, UUID> categoryIdsByPath) {
        this.categoryIdsByPath = categoryIdsByPath;
    }

    Verdict check(ProductRow row) {
        String rawSku = row.sku().strip();
        if (rawSku.isEmpty()) {
            return refuse(row, null, "sku", "is missing");
        }
        if (!rawSku.matches(Sku.PATTERN)) {
            return refuse(row, rawSku, "sku", "must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit");
        }
        Sku sku = new Sku(rawSku);
        Long earlier = lineOfSku.get(sku);
        if (earlier != null) {
            return refuse(row, sku.value(), "sku", "repeats the SKU of line " + earlier);
        }
        String name = row.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            return refuse(row, sku.value(), "name", name.isEmpty() ? "is missing" : "must be at most 300 characters");
        }
        if (row.description().length() > 10_000) {
            return refuse(row, sku.value(), "description", "must be at most 10000 characters");
        }
        Gtin gtin = null;
        if (row.gtin() != null) {
            String digits = row.gtin().replace(" ", "").replace("-", "");
            String problem = Gtin.problemWith(digits);
            if (problem != null) {
                return refuse(row, sku.value(), "gtin", problem);
            }
            gtin = new Gtin(digits);
            Sku holder = skuOfGtin.get(gtin);
            if (holder != null && !holder.equals(sku)) {
                return refuse(row, sku.value(), "gtin", "is also the GTIN of SKU " + holder + " earlier in the file");
            }
        }
        List<UUID> categoryIds = new ArrayList<>();
        for (String path : row.categoryPaths()) {
            UUID id = categoryIdsByPath.get(Slugs.pathOf(path));
            if (id == null) {
                return refuse(row, sku.value(), "category", "'" + path + "' is not an existing category");
            }
            categoryIds.add(id);
        }
        for (Attribute attribute : row.attributes()) {
            if (attribute.name().isBlank() || attribute.name().length() > 100 || attribute.value().length() > 1000) {
                return refuse(row, sku.value(), "attributes", "'" + attribute.name() + "' needs a name of 1 to 100 characters and a value of at most 1000");
            }
        }
        if (row.imageUrl() != null) {
            String problem = ProductImage.problemWithUrl(row.imageUrl());
            if (problem != null) {
                return refuse(row, sku.value(), "image_url", problem);
            }
        }
        for (String channel : row.channels()) {
            if (!channel.matches(ChannelAssortment.CHANNEL_PATTERN)) {
                return refuse(row, sku.value(), "channels", "'" + channel + "' is not a channel key (lower-case letters, digits and dashes)");
            }
        }
        lineOfSku.put(sku, row.line());
        if (gtin != null) {
            skuOfGtin.put(gtin, sku);
        }
        return new Accepted(new CheckedRow(row.line(), sku, gtin, name, List.copyOf(new LinkedHashSet<>(categoryIds)),
                row.description().strip(), row.attributes(), row.imageUrl(),
                List.copyOf(new LinkedHashSet<>(row.channels()))));
    }

    private static Refused refuse(ProductRow row, @Nullable String sku, String field, String reason) {
        return new Refused(new ImportRowError(row.line(), sku, field, reason));
    }
}
