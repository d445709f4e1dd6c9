package io.throughline.catalog.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.SalesPolicy;
import io.throughline.catalog.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue as other modules read it. An item is active only when both the variant and its product are;
 * its categories are the product's categories with all their ancestors, each once.
 *
 * <p>Items are remembered per catalogue revision ({@code catalog.revision}, moved by a trigger on every write of
 * products, variants, categories and their links): a lookup reads that one row, and reads items only the first
 * time they are asked for at that revision. Every quote looks its lines' categories up here.
 */
@Service
class JdbcCatalogue implements Catalogue {

    /**
     * The items known at one revision, labelled by its number and the transaction that wrote it (a number alone
     * could be written twice: by a transaction that rolled back, then by one that did not); absent SKUs are
     * remembered as empty.
     */
    private record Known(String revision, Map<Sku, Optional<CatalogueItem>> items) {}

    /** The revision as a lookup found it; {@code own} when the looking transaction wrote it and has not committed. */
    private record Revision(String label, boolean own) {}

    private final JdbcClient jdbc;
    private volatile Known known = new Known("", new ConcurrentHashMap<>());

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
        Revision revision = jdbc.sql("""
                        SELECT version, xmin::text, pg_current_xact_id_if_assigned()::text FROM catalog.revision
                        WHERE id = 1""")
                .query((rs, row) -> {
                    String writer = rs.getString(2);
                    String self = rs.getString(3);
                    return new Revision(rs.getLong(1) + ":" + writer,
                            self != null && Long.parseLong(self) % (1L << 32) == Long.parseLong(writer));
                })
                .single();
        if (revision.own()) {
            // The caller's own catalogue changes are not everyone's until it commits, and it may roll back.
            return read(skus);
        }
        Known current = knownAt(revision.label());
        Map<Sku, CatalogueItem> found = new LinkedHashMap<>();
        List<Sku> missing = new ArrayList<>();
        for (Sku sku : skus) {
            Optional<CatalogueItem> item = current.items().get(sku);
            if (item == null) {
                missing.add(sku);
            } else {
                item.ifPresent(present -> found.put(sku, present));
            }
        }
        if (!missing.isEmpty()) {
            // Read after the revision: a change committed in between makes these newer than their label, and the
            // next lookup, seeing the new revision, reads them again; never older.
            Map<Sku, CatalogueItem> read = read(missing);
            for (Sku sku : missing) {
                CatalogueItem item = read.get(sku);
                current.items().put(sku, Optional.ofNullable(item));
                if (item != null) {
                    found.put(sku, item);
                }
            }
        }
        return found;
    }

    /** The items remembered at that revision, starting afresh when the revision has moved. */
    private Known knownAt(String revision) {
        Known current = known;
        if (current.revision().equals(revision)) {
            return current;
        }
        Known fresh = new Known(revision, new ConcurrentHashMap<>());
        known = fresh;
        return fresh;
    }

    private Map<Sku, CatalogueItem> read(Collection<Sku> skus) {
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
