package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Categories;
import io.throughline.catalog.Products;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.Sku;
import io.throughline.platform.PageRequest;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class TokajCellarsCatalogueTests {

    @Autowired
    Catalogue catalogue;

    @Autowired
    Categories categories;

    @Autowired
    Products products;

    @Autowired
    DemoCatalogue demoCatalogue;

    @Test
    void everyDemoProductIsInTheCatalogueUnderItsCategoryAndItsAncestors() {
        Map<Sku, CatalogueItem> items = catalogue.items(DemoProducts.all().stream().map(p -> Sku.of(p.sku())).toList());

        assertThat(items).hasSize(DemoProducts.all().size()).hasSize(300);
        DemoProducts.DemoProduct aszu = DemoProducts.all().stream()
                .filter(product -> product.categoryPath().equals("Wines/Tokaji/Aszú")).findFirst().orElseThrow();
        assertThat(items.get(Sku.of(aszu.sku())).categoryIds()).containsExactlyInAnyOrder(
                categories.findByPath("wines").orElseThrow().id(),
                categories.findByPath("wines/tokaji").orElseThrow().id(),
                categories.findByPath("wines/tokaji/aszu").orElseThrow().id());
        assertThat(products.variant(Sku.of(aszu.sku())).variant().gtin().value()).isEqualTo(aszu.gtin());
    }

    @Test
    void winesAreSoldOnEveryChannelAndAccessoriesOnAllButEmail() {
        Instant now = Instant.now();
        for (String channel : DemoCatalogue.WINE_CHANNELS) {
            assertThat(catalogue.isSoldOn(Sku.of("TK-ASZ5-SZARVAS-2017"), channel, now)).as(channel).isTrue();
        }
        assertThat(catalogue.isSoldOn(Sku.of("ACC-CORKSCREW"), "shop-tokaj", now)).isTrue();
        assertThat(catalogue.isSoldOn(Sku.of("ACC-CORKSCREW"), "email", now)).isFalse();
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = products.list(ProductFilter.all(), new PageRequest(0, 1)).totalItems();

        assertThat(demoCatalogue.load()).isZero();
        assertThat(products.list(ProductFilter.all(), new PageRequest(0, 1)).totalItems()).isEqualTo(before);
    }

    @Test
    void theDemoRangeIsFoundWithoutTypingAccents() {
        var found = products.list(new ProductFilter("hárslevelu szarvas", null, null, null), new PageRequest(0, 50));

        assertThat(found.items()).isNotEmpty()
                .allSatisfy(product -> assertThat(product.name()).startsWith("Tokaji Hárslevelű Szarvas"));
    }
}
