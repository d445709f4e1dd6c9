package io.throughline.demo.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.Categories;
import io.throughline.catalog.Category;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.NewCategory;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.Products;
import io.throughline.catalog.Sku;
import io.throughline.demo.DemoBrand;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo range in the catalogue, filed under its categories and sold on every selling channel of the brand
 * (all but email), so that carts in every channel can take it. Loads only what is missing: a platform whose
 * brand was loaded before the catalogue existed gets its products at the next start.
 */
@Component
class DemoAssortment {

    private static final Logger log = LoggerFactory.getLogger(DemoAssortment.class);
    private static final Instant ON_SALE_FROM = Instant.parse("2020-01-01T00:00:00Z");

    private final Catalogue catalogue;
    private final Categories categories;
    private final Products products;

    DemoAssortment(Catalogue catalogue, Categories categories, Products products) {
        this.catalogue = catalogue;
        this.categories = categories;
        this.products = products;
    }

    /** Whether it loaded anything: false when every demo SKU is in the catalogue already. */
    @Transactional
    boolean load() {
        List<DemoProducts.DemoProduct> range = DemoProducts.all();
        var present = catalogue.items(range.stream().map(product -> Sku.of(product.sku())).toList()).keySet();
        List<DemoProducts.DemoProduct> missing = range.stream()
                .filter(product -> !present.contains(Sku.of(product.sku()))).toList();
        if (missing.isEmpty()) {
            return false;
        }
        Map<String, UUID> categoryIds = existingCategories();
        List<ChannelAssortment> assortment = DemoBrand.TOKAJ_CELLARS.channels().stream()
                .map(DemoBrand.Channel::key).filter(channel -> !channel.equals("email"))
                .map(channel -> new ChannelAssortment(channel, ON_SALE_FROM, null)).toList();
        for (DemoProducts.DemoProduct product : missing) {
            UUID category = category(product.categoryPath(), categoryIds);
            products.create(new NewProduct(product.name(), product.description(),
                    List.of(new NewVariant(product.sku(), product.gtin(), null, null)), List.of(category), null,
                    null, assortment));
        }
        log.info("Demo assortment loaded: {} products sold on {} channels", missing.size(), assortment.size());
        return true;
    }

    /** Categories by parent and name, as {@code parentId/name}. */
    private Map<String, UUID> existingCategories() {
        Map<String, UUID> byParentAndName = new HashMap<>();
        for (int page = 0; ; page++) {
            Page<Category> found = categories.list(new PageRequest(page, PageRequest.MAX_SIZE));
            found.items().forEach(category -> byParentAndName.put(key(category.parentId(), category.name()),
                    category.id()));
            if (found.items().size() < PageRequest.MAX_SIZE) {
                return byParentAndName;
            }
        }
    }

    private UUID category(String path, Map<String, UUID> categoryIds) {
        UUID parent = null;
        for (String name : path.split("/")) {
            String key = key(parent, name);
            UUID id = categoryIds.get(key);
            if (id == null) {
                id = categories.create(new NewCategory(name, null, parent)).id();
                categoryIds.put(key, id);
            }
            parent = id;
        }
        return parent;
    }

    private static String key(@Nullable UUID parent, String name) {
        return parent + "/" + name;
    }
}
