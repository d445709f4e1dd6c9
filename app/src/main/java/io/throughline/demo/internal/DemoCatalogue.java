package io.throughline.demo.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueImports;
import io.throughline.catalog.Categories;
import io.throughline.catalog.ImportReport;
import io.throughline.catalog.ProductRow;
import io.throughline.catalog.Sku;
import io.throughline.demo.internal.DemoProducts.DemoProduct;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo brand's catalogue: the categories and the 300 products of {@link DemoProducts}, wines on all seven
 * channels and accessories on all but email (a newsletter sells wine; a corkscrew is found in the shop). Loads
 * only what is missing, so it runs on every start and also fills a brand loaded before the catalogue existed.
 */
@Component
class DemoCatalogue {

    static final List<String> WINE_CHANNELS =
            List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj", "contact-centre", "email");
    static final List<String> ACCESSORY_CHANNELS = WINE_CHANNELS.subList(0, WINE_CHANNELS.size() - 1);
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final Categories categories;
    private final CatalogueImports imports;
    private final Catalogue catalogue;

    DemoCatalogue(Categories categories, CatalogueImports imports, Catalogue catalogue) {
        this.categories = categories;
        this.imports = imports;
        this.catalogue = catalogue;
    }

    /** Loads the missing demo products; returns how many it loaded. */
    int load() {
        List<DemoProduct> products = DemoProducts.all();
        var present = catalogue.items(products.stream().map(product -> Sku.of(product.sku())).toList()).keySet();
        List<DemoProduct> missing = products.stream().filter(product -> !present.contains(Sku.of(product.sku()))).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        missing.stream().map(DemoProduct::categoryPath).distinct().forEach(categories::ensurePath);
        List<ProductRow> rows = new ArrayList<>();
        for (DemoProduct product : missing) {
            boolean wine = product.bottleMl() > 0;
            rows.add(new ProductRow(rows.size() + 1, product.sku(), product.gtin(), product.name(),
                    List.of(product.categoryPath()), product.description(),
                    wine ? List.of(new Attribute("bottle", product.bottleMl() + " ml")) : List.of(), null,
                    wine ? WINE_CHANNELS : ACCESSORY_CHANNELS));
        }
        ImportReport report = imports.load(rows);
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("The demo catalogue does not load: " + report.errors().getFirst());
        }
        log.info("Demo catalogue: {} products loaded", report.loaded());
        return report.loaded();
    }
}
