package io.throughline.catalog.internal;

import io.throughline.catalog.Gtin;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductVariant;
import io.throughline.catalog.Sku;
import io.throughline.catalog.VariantChange;
import io.throughline.catalog.Variants;
import io.throughline.platform.ConflictException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Variants by barcode, and the change of one variant's details. */
@Service
class JdbcVariants implements Variants {

    private final JdbcClient jdbc;
    private final JdbcProducts products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcVariants(JdbcClient jdbc, JdbcProducts products, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<ProductVariant> findByGtin(Gtin gtin) {
        return jdbc.sql("SELECT sku FROM catalog.variant WHERE gtin = ?").param(gtin.value()).query(String.class)
                .optional().map(sku -> products.variant(new Sku(sku)));
    }

    @Override
    @Transactional
    public Product updateVariant(UUID productId, Sku sku, VariantChange change) {
        Product product = products.get(productId);
        if (product.variants().stream().noneMatch(variant -> variant.sku().equals(sku))) {
            throw new NotFoundException("Variant", sku);
        }
        Gtin gtin = change.gtin() == null || change.gtin().isBlank() ? null : ProductRules.gtin(change.gtin(), "gtin");
        if (gtin != null) {
            jdbc.sql("SELECT sku FROM catalog.variant WHERE gtin = ? AND sku <> ?").params(gtin.value(), sku.value())
                    .query(String.class).optional().ifPresent(other -> {
                        throw new ConflictException("gtin", "GTIN " + gtin + " already belongs to SKU " + other);
                    });
        }
        String name = change.name() == null || change.name().isBlank() ? product.name() : change.name().strip();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    UPDATE catalog.variant SET name = ?, gtin = ?, attributes = ?::jsonb, updated_at = ?
                    WHERE product_id = ? AND sku = ?""")
                    .params(name, gtin == null ? null : gtin.value(), products.attributesJson(change.attributesOrEmpty()),
                            Rows.timestamp(now), productId, sku.value())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("gtin", "GTIN " + gtin + " was given to another variant at the same moment");
        }
        jdbc.sql("UPDATE catalog.product SET updated_at = ? WHERE id = ?").params(Rows.timestamp(now), productId)
                .update();
        JdbcProducts.refreshSearch(jdbc, new UUID[] {productId});
        Product changed = products.get(productId);
        events.publishEvent(new ProductUpdated(productId, changed.variants().stream().map(v -> v.sku()).toList(),
                now));
        return changed;
    }
}
