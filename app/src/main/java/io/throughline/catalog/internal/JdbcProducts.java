package io.throughline.catalog.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.Category;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductCreated;
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
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                INSERT INTO catalog.product (id, name, description, attributes, active, search_extra, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, TRUE, ?, ?, ?)""")
                .params(id, product.name().strip(), product.descriptionOrEmpty().strip(),
                        attributesJson(product.attributesOrEmpty()),
                        searchExtra(variants, product.attributesOrEmpty(), categories), at, at)
                .update();
        for (int position = 0; position < variants.size(); position++) {
            CheckedVariant variant = variants.get(position);
            try {
                jdbc.sql("""
                        INSERT INTO catalog.variant (id, product_id, sku, gtin, name, attributes, position, active,
                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, TRUE, ?, ?)""")
                        .params(Ids.newId(clock), id, variant.sku().value(),
                                variant.gtin() == null ? null : variant.gtin().value(), variant.name(),
                                attributesJson(variant.source().attributesOrEmpty()), position, at, at)
                        .update();
            } catch (DuplicateKeyException raced) {
                throw new ConflictException("variants[" + position + "].sku",
                        "SKU " + variant.sku() + " or its GTIN was taken by another product at the same moment");
            }
        }
        for (Category category : categories) {
            jdbc.sql("INSERT INTO catalog.product_category (product_id, category_id) VALUES (?, ?)")
                    .params(id, category.id()).update();
        }
        List<ProductImage> images = product.imagesOrEmpty();
        for (int position = 0; position < images.size(); position++) {
            jdbc.sql("INSERT INTO catalog.image (product_id, position, url, alt_text) VALUES (?, ?, ?, ?)")
                    .params(id, position, images.get(position).url().strip(),
                            images.get(position).altText() == null ? "" : images.get(position).altText())
                    .update();
        }
        for (ChannelAssortment row : product.assortmentOrEmpty()) {
            jdbc.sql("""
                    INSERT INTO catalog.assortment (product_id, channel, available_from, available_until)
                    VALUES (?, ?, ?, ?)""")
                    .params(id, row.channel(), Timestamp.from(row.from()),
                            row.until() == null ? null : Timestamp.from(row.until()))
                    .update();
        }
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

    @Override
    public Product get(UUID id) {
        record Row(UUID id, String name, String description, String attributes, boolean active, Instant createdAt,
                Instant updatedAt) {}
        Row row = jdbc.sql("""
                SELECT id, name, description, attributes::text, active, created_at, updated_at
                FROM catalog.product WHERE id = ?""").param(id)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("Product", id));
        List<Variant> variants = jdbc.sql("""
                SELECT id, sku, gtin, name, attributes::text, active FROM catalog.variant
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
                SELECT v.id, v.sku, v.gtin, v.name, v.attributes::text, v.active, p.id, p.name, p.active
                FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id WHERE v.sku = ?""")
                .param(sku.value())
                .query((rs, n) -> new Row(rs.getObject(7, UUID.class), rs.getString(8), rs.getBoolean(9),
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
                .query((rs, n) -> new ChannelAssortment(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    private Variant variant(ResultSet rs, int row) throws SQLException {
        String gtin = rs.getString("gtin");
        return new Variant(rs.getObject("id", UUID.class), new Sku(rs.getString("sku")),
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

    /** The words a search should find the product by besides its name and description. */
    static String searchExtra(List<CheckedVariant> variants, List<Attribute> attributes, List<Category> categories) {
        return Stream.of(
                        variants.stream().flatMap(variant -> Stream.of(variant.sku().value(),
                                variant.gtin() == null ? "" : variant.gtin().value(), variant.name())),
                        variants.stream().flatMap(variant -> variant.source().attributesOrEmpty().stream())
                                .map(Attribute::value),
                        attributes.stream().map(Attribute::value),
                        categories.stream().map(Category::name))
                .flatMap(words -> words)
                .filter(word -> !word.isBlank())
                .distinct()
                .collect(Collectors.joining(" "));
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
