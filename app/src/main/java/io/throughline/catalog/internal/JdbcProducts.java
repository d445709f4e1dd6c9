package io.throughline.catalog.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.Category;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.ProductChange;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.ProductSummary;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.ProductVariant;
import io.throughline.catalog.Products;
import io.throughline.catalog.Sku;
import io.throughline.catalog.Variant;
import io.throughline.catalog.internal.ProductRules.CheckedVariant;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcProducts implements Products {

    private static final TypeReference<List<Attribute>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcProducts(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Product create(NewProduct product) {
        List<CheckedVariant> variants = ProductRules.variants(product.name(), product.variants(), "variants");
        ProductRules.images(product.imagesOrEmpty(), "images");
        ProductRules.assortment(product.assortmentOrEmpty(), "assortment");
        List<Category> categories = categories(product.categoryIdsOrEmpty());
        refuseTakenSkusAndGtins(variants);

        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        Timestamp at = Rows.timestamp(now);
        jdbc.sql("""
                INSERT INTO catalog.product (id, name, description, attributes, active, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, TRUE, ?, ?)""")
                .params(id, product.name().strip(), product.descriptionOrEmpty().strip(),
                        attributesJson(product.attributesOrEmpty()), at, at)
                .update();
        for (int position = 0; position < variants.size(); position++) {
            insertVariant(id, variants.get(position), position, "variants[" + position + "]", at);
        }
        writeCategories(id, categories);
        writeImages(id, product.imagesOrEmpty());
        writeAssortment(id, product.assortmentOrEmpty());
        refreshSearch(jdbc, new UUID[] {id});
        events.publishEvent(new ProductCreated(id, variants.stream().map(CheckedVariant::sku).toList(), now));
        return get(id);
    }

    private List<Category> categories(List<UUID> ids) {
        List<Category> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID categoryId = ids.get(i);
            int index = i;
            if (found.stream().anyMatch(category -> category.id().equals(categoryId))) {
                continue;
            }
            found.add(jdbc.sql("SELECT " + JdbcCategories.COLUMNS + " FROM catalog.category c WHERE c.id = ?")
                    .param(categoryId).query(JdbcCategories::category).optional()
                    .orElseThrow(() -> new InvalidRequestException("categoryIds[" + index + "]",
                            "is not an existing category")));
        }
        return found;
    }

    private void refuseTakenSkusAndGtins(List<CheckedVariant> variants) {
        String[] skus = variants.stream().map(variant -> variant.sku().value()).toArray(String[]::new);
        Set<String> takenSkus = Set.copyOf(jdbc.sql("SELECT sku FROM catalog.variant WHERE sku = ANY(?)")
                .param(skus).query(String.class).list());
        String[] gtins = variants.stream().map(CheckedVariant::gtin).filter(gtin -> gtin != null)
                .map(Gtin::value).toArray(String[]::new);
        Map<String, String> takenGtins = jdbc.sql("SELECT gtin, sku FROM catalog.variant WHERE gtin = ANY(?)")
                .param(gtins).query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (int i = 0; i < variants.size(); i++) {
            CheckedVariant variant = variants.get(i);
            if (takenSkus.contains(variant.sku().value())) {
                throw new ConflictException("variants[" + i + "].sku", "SKU " + variant.sku() + " already exists");
            }
            if (variant.gtin() != null && takenGtins.containsKey(variant.gtin().value())) {
                throw new ConflictException("variants[" + i + "].gtin", "GTIN " + variant.gtin()
                        + " already belongs to SKU " + takenGtins.get(variant.gtin().value()));
            }
        }
    }


    private void insertVariant(UUID productId, CheckedVariant variant, int position, String field, Timestamp at) {
        try {
            jdbc.sql("""
                    INSERT INTO catalog.variant (id, product_id, sku, gtin, name, attributes, position, active,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, TRUE, ?, ?)""")
                    .params(Ids.newId(clock), productId, variant.sku().value(),
                            variant.gtin() == null ? null : variant.gtin().value(), variant.name(),
                            attributesJson(variant.source().attributesOrEmpty()), position, at, at)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException(field + ".sku",
                    "SKU " + variant.sku() + " or its GTIN was taken by another product at the same moment");
        }
    }

    private void writeCategories(UUID productId, List<Category> categories) {
        jdbc.sql("DELETE FROM catalog.product_category WHERE product_id = ?").param(productId).update();
        for (Category category : categories) {
            jdbc.sql("INSERT INTO catalog.product_category (product_id, category_id) VALUES (?, ?)")
                    .params(productId, category.id()).update();
        }
    }

    private void writeImages(UUID productId, List<ProductImage> images) {
        jdbc.sql("DELETE FROM catalog.image WHERE product_id = ?").param(productId).update();
        for (int position = 0; position < images.size(); position++) {
            ProductImage image = images.get(position);
            jdbc.sql("INSERT INTO catalog.image (product_id, position, url, alt_text) VALUES (?, ?, ?, ?)")
                    .params(productId, position, image.url().strip(), image.altText() == null ? "" : image.altText())
                    .update();
        }
    }

    private void writeAssortment(UUID productId, List<ChannelAssortment> assortment) {
        jdbc.sql("DELETE FROM catalog.assortment WHERE product_id = ?").param(productId).update();
        for (ChannelAssortment row : assortment) {
            jdbc.sql("""
                    INSERT INTO catalog.assortment (product_id, channel, available_from, available_until)
                    VALUES (?, ?, ?, ?)""")
                    .params(productId, row.channel(), Rows.timestamp(row.from()), Rows.timestampOrNull(row.until()))
                    .update();
        }
    }

    /**
     * Rewrites the words a search finds the products by besides name and description: SKUs, GTINs, variant
     * names, attribute values and category names. Done in SQL from the stored rows, so that every writer
     * (the API, the CSV import) produces the same document.
     */
    static void refreshSearch(JdbcClient jdbc, UUID[] productIds) {
        jdbc.sql("""
                UPDATE catalog.product p SET search_extra = concat_ws(' ',
                    (SELECT string_agg(concat_ws(' ', v.sku, v.gtin, v.name,
                            (SELECT string_agg(a ->> 'value', ' ') FROM jsonb_array_elements(v.attributes) a)), ' ')
                     FROM catalog.variant v WHERE v.product_id = p.id),
                    (SELECT string_agg(a ->> 'value', ' ') FROM jsonb_array_elements(p.attributes) a),
                    (SELECT string_agg(c.name, ' ') FROM catalog.product_category pc
                     JOIN catalog.category c ON c.id = pc.category_id WHERE pc.product_id = p.id))
                WHERE p.id = ANY(?)""").param(productIds).update();
    }

    @Override
    @Transactional
    public Product update(UUID id, ProductChange change) {
        Product current = get(id);
        if (change.categoryIds() != null) {
            writeCategories(id, categories(change.categoryIds()));
        }
        if (change.images() != null) {
            ProductRules.images(change.images(), "images");
            writeImages(id, change.images());
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE catalog.product SET name = ?, description = ?, attributes = ?::jsonb, active = ?, updated_at = ?
                WHERE id = ?""")
                .params(change.name() == null ? current.name() : change.name().strip(),
                        change.description() == null ? current.description() : change.description().strip(),
                        attributesJson(change.attributes() == null ? current.attributes() : change.attributes()),
                        change.active() == null ? current.active() : change.active(), Rows.timestamp(now), id)
                .update();
        return changed(id, now, current.active() && Boolean.FALSE.equals(change.active()));
    }

    @Override
    @Transactional
    public Product addVariant(UUID id, NewVariant variant) {
        Product current = get(id);
        CheckedVariant checked = ProductRules.variants(current.name(), List.of(variant), "variants").getFirst();
        refuseTakenSkusAndGtins(List.of(checked));
        Instant now = clock.instant();
        insertVariant(id, checked, current.variants().size(), "variant", Rows.timestamp(now));
        touch(id, now);
        return changed(id, now, false);
    }

    @Override
    @Transactional
    public Product removeVariant(UUID id, Sku sku) {
        get(id);
        Instant now = clock.instant();
        int retired = jdbc.sql("UPDATE catalog.variant SET active = FALSE, updated_at = ? WHERE product_id = ? AND sku = ?")
                .params(Rows.timestamp(now), id, sku.value()).update();
        if (retired == 0) {
            throw new NotFoundException("Variant", sku);
        }
        touch(id, now);
        return changed(id, now, false);
    }

    @Override
    @Transactional
    public Product setAssortment(UUID id, List<ChannelAssortment> assortment) {
        get(id);
        ProductRules.assortment(assortment, "assortment");
        writeAssortment(id, assortment);
        Instant now = clock.instant();
        touch(id, now);
        return changed(id, now, false);
    }

    private void touch(UUID id, Instant now) {
        jdbc.sql("UPDATE catalog.product SET updated_at = ? WHERE id = ?").params(Rows.timestamp(now), id).update();
    }

    private Product changed(UUID id, Instant now, boolean deactivated) {
        refreshSearch(jdbc, new UUID[] {id});
        Product product = get(id);
        List<Sku> skus = product.variants().stream().map(Variant::sku).toList();
        events.publishEvent(new ProductUpdated(id, skus, now));
        if (deactivated) {
            events.publishEvent(new ProductDeactivated(id, skus, now));
        }
        return product;
    }

    @Override
    public Page<ProductSummary> list(ProductFilter filter, PageRequest page) {
        // The moment and the search terms come in once, as a one-row join, so that the select list and the
        // order can use them without parameters of their own.
        StringBuilder from = new StringBuilder("FROM catalog.product p CROSS JOIN (SELECT ?::timestamptz AS now");
        List<Object> params = new ArrayList<>();
        params.add(Rows.timestamp(clock.instant()));
        String tsQuery = filter.query() == null ? "" : SearchQuery.tsQuery(filter.query());
        if (!tsQuery.isEmpty()) {
            from.append(", to_tsquery('simple', ?) AS terms");
            params.add(tsQuery);
        }
        from.append(") k WHERE TRUE");
        if (!tsQuery.isEmpty()) {
            from.append(" AND p.search_document @@ k.terms");
        }
        if (filter.category() != null) {
            from.append(" " + """
                    AND EXISTS (SELECT 1 FROM catalog.product_category pc JOIN catalog.category c ON c.id = pc.category_id
                                 WHERE pc.product_id = p.id AND ? = ANY(c.ancestor_ids))""");
            params.add(filter.category());
        }
        if (filter.channel() != null) {
            from.append(" " + """
                    AND p.active AND EXISTS (SELECT 1 FROM catalog.assortment a WHERE a.product_id = p.id AND a.channel = ?
                                 AND a.available_from <= k.now AND (a.available_until IS NULL OR a.available_until > k.now))""");
            params.add(filter.channel());
        }
        if (filter.active() != null) {
            from.append(" AND p.active = ?");
            params.add(filter.active());
        }
        String order = tsQuery.isEmpty() ? "p.name, p.id" : "ts_rank(p.search_document, k.terms) DESC, p.name, p.id";
        return new PagedQuery("""
                p.id, p.name, p.active, p.updated_at,
                ARRAY(SELECT v.sku FROM catalog.variant v WHERE v.product_id = p.id ORDER BY v.position) AS skus,
                ARRAY(SELECT c.path FROM catalog.product_category pc JOIN catalog.category c ON c.id = pc.category_id
                      WHERE pc.product_id = p.id ORDER BY c.path) AS category_paths,
                ARRAY(SELECT a.channel FROM catalog.assortment a WHERE a.product_id = p.id
                      AND a.available_from <= k.now AND (a.available_until IS NULL OR a.available_until > k.now)
                      ORDER BY a.channel) AS channels""", from.toString(), order, params)
                .read(jdbc, page, (rs, n) -> new ProductSummary(Rows.uuid(rs, "id"), rs.getString("name"),
                        rs.getBoolean("active"), strings(rs.getArray("skus")).stream().map(Sku::new).toList(),
                        strings(rs.getArray("category_paths")), strings(rs.getArray("channels")),
                        Rows.instant(rs, "updated_at")));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return java.util.Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }

    @Override
    public Product get(UUID id) {
        record Row(UUID id, String name, String description, String attributes, boolean active, Instant createdAt,
                Instant updatedAt) {}
        Row row = jdbc.sql("""
                SELECT id, name, description, attributes::text AS attributes, active, created_at, updated_at
                FROM catalog.product WHERE id = ?""").param(id)
                .query((rs, n) -> new Row(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("attributes"), rs.getBoolean("active"), Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "updated_at")))
                .optional().orElseThrow(() -> new NotFoundException("Product", id));
        List<Variant> variants = jdbc.sql("""
                SELECT id, sku, gtin, name, attributes::text AS attributes, active FROM catalog.variant
                WHERE product_id = ? ORDER BY position""").param(id).query((rs, n) -> variant(rs, n)).list();
        List<ProductImage> images = jdbc.sql("""
                SELECT url, alt_text FROM catalog.image WHERE product_id = ? ORDER BY position""").param(id)
                .query((rs, n) -> new ProductImage(rs.getString(1), emptyToNull(rs.getString(2)))).list();
        return new Product(row.id(), row.name(), row.description(), row.active(), variants, categoriesOf(id),
                attributes(row.attributes()), images, assortmentOf(id), row.createdAt(), row.updatedAt());
    }

    @Override
    public ProductVariant variant(Sku sku) {
        record Row(UUID productId, String productName, boolean productActive, Variant variant) {}
        Row row = jdbc.sql("""
                SELECT v.id, v.sku, v.gtin, v.name, v.attributes::text AS attributes, v.active,
                       p.id AS product_id, p.name AS product_name, p.active AS product_active
                FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE v.sku = ?""")
                .param(sku.value())
                .query((rs, n) -> new Row(Rows.uuid(rs, "product_id"), rs.getString("product_name"), rs.getBoolean("product_active"),
                        variant(rs, n)))
                .optional().orElseThrow(() -> new NotFoundException("Variant", sku));
        return new ProductVariant(row.productId(), row.productName(), row.productActive(), row.variant(),
                categoriesOf(row.productId()), assortmentOf(row.productId()));
    }

    private List<Category> categoriesOf(UUID productId) {
        return jdbc.sql("SELECT " + JdbcCategories.COLUMNS + """
                 FROM catalog.category c JOIN catalog.product_category pc ON pc.category_id = c.id
                WHERE pc.product_id = ? ORDER BY c.path""").param(productId)
                .query(JdbcCategories::category).list();
    }

    List<ChannelAssortment> assortmentOf(UUID productId) {
        return jdbc.sql("""
                SELECT channel, available_from, available_until FROM catalog.assortment
                WHERE product_id = ? ORDER BY channel""").param(productId)
                .query((rs, n) -> new ChannelAssortment(rs.getString("channel"), Rows.instant(rs, "available_from"),
                        Rows.instantOrNull(rs, "available_until")))
                .list();
    }

    private Variant variant(ResultSet rs, int row) throws SQLException {
        String gtin = rs.getString("gtin");
        return new Variant(Rows.uuid(rs, "id"), new Sku(rs.getString("sku")),
                gtin == null ? null : new Gtin(gtin), rs.getString("name"), attributes(rs.getString("attributes")),
                rs.getBoolean("active"));
    }

    String attributesJson(List<Attribute> attributes) {
        return json.writeValueAsString(attributes.stream()
                .map(attribute -> new Attribute(attribute.name().strip(), attribute.value().strip())).toList());
    }

    List<Attribute> attributes(String stored) {
        return json.readValue(stored, ATTRIBUTES);
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
