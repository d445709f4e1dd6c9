package io.throughline.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.catalog.Categories;
import io.throughline.catalog.Category;
import io.throughline.catalog.NewCategory;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductVariant;
import io.throughline.catalog.Products;
import io.throughline.catalog.Sku;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over REST. Every member of staff may read it (a store associate looks a bottle up by SKU);
 * administrators and marketers, who run the range and its merchandising, may change it.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalogue", description = "Products, variants, categories and channel assortments")
class CatalogController {

    static final String READERS = "hasAnyRole('ADMIN', 'MARKETER', 'AGENT', 'STORE_ASSOCIATE', 'ANALYST')";
    static final String WRITERS = "hasAnyRole('ADMIN', 'MARKETER')";

    private final Categories categories;
    private final Products products;

    CatalogController(Categories categories, Products products) {
        this.categories = categories;
        this.products = products;
    }

    @PostMapping("/categories")
    @PreAuthorize(WRITERS)
    ResponseEntity<Category> createCategory(@Valid @RequestBody NewCategory category) {
        Category created = categories.create(category);
        return ResponseEntity.created(URI.create("/api/catalog/categories/" + created.id())).body(created);
    }

    @GetMapping("/categories")
    @PreAuthorize(READERS)
    Page<Category> categories(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.MAX_SIZE) int size) {
        return categories.list(new PageRequest(page, size));
    }

    @GetMapping("/categories/{id}")
    @PreAuthorize(READERS)
    Category category(@PathVariable UUID id) {
        return categories.get(id);
    }

    @PostMapping("/products")
    @PreAuthorize(WRITERS)
    ResponseEntity<Product> createProduct(@Valid @RequestBody NewProduct product) {
        Product created = products.create(product);
        return ResponseEntity.created(URI.create("/api/catalog/products/" + created.id())).body(created);
    }

    @GetMapping("/products/{id}")
    @PreAuthorize(READERS)
    Product product(@PathVariable UUID id) {
        return products.get(id);
    }

    @GetMapping("/variants/{sku}")
    @PreAuthorize(READERS)
    ProductVariant variant(@PathVariable String sku) {
        return products.variant(ProductRules.sku(sku, "sku"));
    }
}
