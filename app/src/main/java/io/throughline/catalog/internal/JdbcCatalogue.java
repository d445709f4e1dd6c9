package io.throughline.catalog.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.SalesPolicy;
import io.throughline.catalog.Sku;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue as other modules read it. An item is active only when both the variant and its product are;
 * its categories are the product's categories with all their ancestors, each once.
 */
@Service
class JdbcCatalogue implements Catalogue {

    private final JdbcClient jdbc;

    JdbcCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CatalogueItem> item(Sku sku) {
        return Optional.ofNullable(items(List.of(sku)).get(sku));
    }

    @Override
    public Map<Sku, CatalogueItem> items(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        String[] wanted = skus.stream().map(Sku::value).distinct().toArray(String[]::new);
        Map<Sku, CatalogueItem> items = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT v.sku, v.product_id, v.id, v.name, v.active AND p.active,
                       coalesce((SELECT array_agg(DISTINCT ancestor)
                                 FROM catalog.product_category pc
                                 JOIN catalog.category c ON c.id = pc.category_id
                                 CROSS JOIN unnest(c.ancestor_ids) AS ancestor
                                 WHERE pc.product_id = p.id), '{}')
                FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
                WHERE v.sku = ANY(?)""")
                .param(wanted)
                .query((rs, row) -> new CatalogueItem(new Sku(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), JdbcCategories.uuids(rs.getArray(6)),
                        rs.getBoolean(5)))
                .list()
                .forEach(item -> items.put(item.sku(), item));
        return items;
    }

    @Override
    public boolean isSoldOn(Sku sku, String channel, Instant at) {
        record Row(boolean productActive, boolean variantActive, UUID productId) {}
        Optional<Row> variant = jdbc.sql("""
                SELECT p.active, v.active, p.id FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
                WHERE v.sku = ?""").param(sku.value())
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getBoolean(2), rs.getObject(3, UUID.class)))
                .optional();
        if (variant.isEmpty()) {
            return false;
        }
        List<ChannelAssortment> assortment = jdbc.sql("""
                SELECT channel, available_from, available_until FROM catalog.assortment
                WHERE product_id = ? AND channel = ?""").params(variant.get().productId(), channel)
                .query((rs, n) -> new ChannelAssortment(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        return SalesPolicy.sells(variant.get().productActive(), variant.get().variantActive(), assortment, channel, at);
    }
}
