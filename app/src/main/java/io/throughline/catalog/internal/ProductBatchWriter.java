package io.throughline.catalog.internal;

import io.throughline.catalog.Gtin;
import io.throughline.catalog.ImportRowError;
import io.throughline.catalog.internal.ProductRowRules.CheckedRow;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes checked rows in a few set-based statements per batch (unnest of arrays), so that a hundred thousand
 * rows cost a few hundred statements rather than a million. A row whose SKU exists updates that product
 * (upsert); the caller runs each batch in one transaction.
 */
@Component
class ProductBatchWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ProductBatchWriter(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Writes the rows; returns the ones refused because another SKU in the catalogue already has their GTIN. */
    List<ImportRowError> write(List<CheckedRow> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> productOfSku = new HashMap<>();
        jdbc.sql("SELECT sku, product_id FROM catalog.variant WHERE sku = ANY(?)")
                .param(batch.stream().map(row -> row.sku().value()).toArray(String[]::new))
                .query((rs, n) -> productOfSku.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        Map<String, String> skuOfGtin = new HashMap<>();
        jdbc.sql("SELECT gtin, sku FROM catalog.variant WHERE gtin = ANY(?)")
                .param(batch.stream().map(CheckedRow::gtin).filter(gtin -> gtin != null).map(Gtin::value)
                        .toArray(String[]::new))
                .query((rs, n) -> skuOfGtin.put(rs.getString(1), rs.getString(2))).list();

        List<ImportRowError> refused = new ArrayList<>();
        List<CheckedRow> rows = new ArrayList<>();
        List<UUID> productIds = new ArrayList<>();
        List<Boolean> existing = new ArrayList<>();
        for (CheckedRow row : batch) {
            String holder = row.gtin() == null ? null : skuOfGtin.get(row.gtin().value());
            if (holder != null && !holder.equals(row.sku().value())) {
                refused.add(new ImportRowError(row.line(), row.sku().value(), "gtin",
                        "already belongs to SKU " + holder));
                continue;
            }
            UUID product = productOfSku.get(row.sku().value());
            rows.add(row);
            existing.add(product != null);
            productIds.add(product != null ? product : Ids.newId(clock));
        }
        if (rows.isEmpty()) {
            return refused;
        }
        Timestamp now = Rows.timestamp(clock.instant());
        Map<UUID, String> categoryNames = categoryNames(rows);
        UUID[] ids = productIds.toArray(UUID[]::new);
        String[] names = rows.stream().map(CheckedRow::name).toArray(String[]::new);
        String[] descriptions = rows.stream().map(CheckedRow::description).toArray(String[]::new);
        String[] attributes = rows.stream().map(row -> json.writeValueAsString(row.attributes())).toArray(String[]::new);
        Boolean[] isExisting = existing.toArray(Boolean[]::new);

        jdbc.sql("""
                INSERT INTO catalog.product (id, name, description, attributes, active, search_extra, created_at, updated_at)
                SELECT r.id, r.name, r.description, r.attributes::jsonb, TRUE, r.extra, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])
                    AS r(id, name, description, attributes, existing, extra)
                WHERE NOT r.existing""")
                .params(now, now, ids, names, descriptions, attributes, isExisting,
                        rows.stream().map(row -> searchExtra(row, categoryNames)).toArray(String[]::new))
                .update();
        jdbc.sql("""
                UPDATE catalog.product p SET name = r.name, description = r.description, attributes = r.attributes::jsonb,
                    updated_at = ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[]) AS r(id, name, description, attributes, existing)
                WHERE p.id = r.id AND r.existing""")
                .params(now, ids, names, descriptions, attributes, isExisting).update();
        jdbc.sql("""
                INSERT INTO catalog.variant (id, product_id, sku, gtin, name, attributes, position, active, created_at, updated_at)
                SELECT r.variant_id, r.product_id, r.sku, r.gtin, r.name, '[]', 0, TRUE, ?, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS r(variant_id, product_id, sku, gtin, name)
                ON CONFLICT (sku) DO UPDATE SET gtin = excluded.gtin, name = excluded.name, updated_at = excluded.updated_at""")
                .params(now, now, rows.stream().map(row -> Ids.newId(clock)).toArray(UUID[]::new), ids,
                        rows.stream().map(row -> row.sku().value()).toArray(String[]::new),
                        rows.stream().map(row -> row.gtin() == null ? null : row.gtin().value()).toArray(String[]::new),
                        names)
                .update();

        List<UUID> categoryProducts = new ArrayList<>();
        List<UUID> categoryIds = new ArrayList<>();
        List<UUID> imageProducts = new ArrayList<>();
        List<String> imageUrls = new ArrayList<>();
        List<UUID> channelProducts = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CheckedRow row = rows.get(i);
            for (UUID category : row.categoryIds()) {
                categoryProducts.add(ids[i]);
                categoryIds.add(category);
            }
            if (row.imageUrl() != null) {
                imageProducts.add(ids[i]);
                imageUrls.add(row.imageUrl());
            }
            for (String channel : row.channels()) {
                channelProducts.add(ids[i]);
                channels.add(channel);
            }
        }
        jdbc.sql("DELETE FROM catalog.product_category WHERE product_id = ANY(?)").param(ids).update();
        jdbc.sql("""
                INSERT INTO catalog.product_category (product_id, category_id)
                SELECT * FROM unnest(?::uuid[], ?::uuid[])""")
                .params(categoryProducts.toArray(UUID[]::new), categoryIds.toArray(UUID[]::new)).update();
        jdbc.sql("DELETE FROM catalog.image WHERE product_id = ANY(?)").param(ids).update();
        jdbc.sql("""
                INSERT INTO catalog.image (product_id, position, url)
                SELECT p, 0, u FROM unnest(?::uuid[], ?::text[]) AS r(p, u)""")
                .params(imageProducts.toArray(UUID[]::new), imageUrls.toArray(String[]::new)).update();
        UUID[] assortedProducts = channelProducts.toArray(UUID[]::new);
        String[] assortedChannels = channels.toArray(String[]::new);
        // A channel the row still lists keeps its period; only channels left out are dropped.
        jdbc.sql("""
                DELETE FROM catalog.assortment a WHERE a.product_id = ANY(?) AND NOT EXISTS (
                    SELECT 1 FROM unnest(?::uuid[], ?::text[]) AS k(p, c) WHERE k.p = a.product_id AND k.c = a.channel)""")
                .params(ids, assortedProducts, assortedChannels).update();
        jdbc.sql("""
                INSERT INTO catalog.assortment (product_id, channel, available_from)
                SELECT p, c, ? FROM unnest(?::uuid[], ?::text[]) AS r(p, c)
                ON CONFLICT (product_id, channel) DO NOTHING""")
                .params(now, assortedProducts, assortedChannels).update();
        // A new product's search words were written with it; an existing one may have other variants to include.
        UUID[] updated = java.util.stream.IntStream.range(0, ids.length).filter(existing::get).mapToObj(i -> ids[i])
                .toArray(UUID[]::new);
        if (updated.length > 0) {
            JdbcProducts.refreshSearch(jdbc, updated);
        }
        return refused;
    }

    private Map<UUID, String> categoryNames(List<CheckedRow> rows) {
        UUID[] ids = rows.stream().flatMap(row -> row.categoryIds().stream()).distinct().toArray(UUID[]::new);
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM catalog.category WHERE id = ANY(?)").param(ids)
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return names;
    }

    /** The same words {@link JdbcProducts#refreshSearch} would gather for a product with this one variant. */
    static String searchExtra(CheckedRow row, Map<UUID, String> categoryNames) {
        List<String> words = new ArrayList<>();
        words.add(row.sku().value());
        if (row.gtin() != null) {
            words.add(row.gtin().value());
        }
        words.add(row.name());
        row.attributes().forEach(attribute -> words.add(attribute.value()));
        row.categoryIds().forEach(id -> words.add(categoryNames.getOrDefault(id, "")));
        return String.join(" ", words);
    }
}
