package io.throughline.catalog.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.catalog.Attribute;
import io.throughline.catalog.Categories;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.ProductChange;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.ProductSummary;
import io.throughline.platform.InvalidRequestException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.throughline.catalog.Category;
import io.throughline.catalog.NewCategory;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductVariant;
import io.throughline.catalog.Products;
import io.throughline.catalog.Gtin;
import io.throughline.catalog.VariantChange;
import io.throughline.catalog.Variants;
import io.throughline.platform.NotFoundException;
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

    static final String READERS = StaffPermission.Rules.READ_CATALOG;
    static final String WRITERS = StaffPermission.Rules.EDIT_CATALOG;

    private final Categories categories;
    private final Products products;
    private final Variants variants;

    CatalogController(Categories categories, Products products, Variants variants) {
        this.categories = categories;
        this.products = products;
        this.variants = variants;
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

    @GetMapping("/products")
    @PreAuthorize(READERS)
    Page<ProductSummary> products(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID category,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        if (q != null && q.length() > 200) {
            throw new InvalidRequestException("q", "must be at most 200 characters");
        }
        if (channel != null && !channel.matches(ChannelAssortment.CHANNEL_PATTERN)) {
            throw new InvalidRequestException("channel", "must be lower-case letters, digits and dashes");
        }
        return products.list(new ProductFilter(q, category, channel, active), new PageRequest(page, size));
    }

    @PatchMapping("/products/{id}")
    @PreAuthorize(WRITERS)
    Product change(@PathVariable UUID id, @Valid @RequestBody ProductChange change) {
        return products.update(id, change);
    }

    /** The product's details as a whole: lists left out are emptied. */
    record ProductDetails(
            @NotBlank @Size(max = 300) String name,
            @Nullable @Size(max = 10_000) String description,
            @Nullable @Size(max = 50) List<@NotNull UUID> categoryIds,
            @Nullable @Size(max = 100) List<@Valid @NotNull Attribute> attributes,
            @Nullable @Size(max = 50) List<@Valid @NotNull ProductImage> images,
            @Nullable Boolean active) {}

    @PutMapping("/products/{id}")
    @PreAuthorize(WRITERS)
    Product replace(@PathVariable UUID id, @Valid @RequestBody ProductDetails details) {
        return products.update(id, new ProductChange(details.name(),
                details.description() == null ? "" : details.description(),
                details.categoryIds() == null ? List.of() : details.categoryIds(),
                details.attributes() == null ? List.of() : details.attributes(),
                details.images() == null ? List.of() : details.images(),
                details.active() == null ? Boolean.TRUE : details.active()));
    }

    @PostMapping("/products/{id}/deactivate")
    @PreAuthorize(WRITERS)
    Product deactivate(@PathVariable UUID id) {
        return products.update(id, new ProductChange(null, null, null, null, null, false));
    }

    @PostMapping("/products/{id}/variants")
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    Product addVariant(@PathVariable UUID id, @Valid @RequestBody NewVariant variant) {
        return products.addVariant(id, variant);
    }

    /** Replaces the variant's name, GTIN and attributes; the SKU stays. */
    @PutMapping("/products/{id}/variants/{sku}")
    @PreAuthorize(WRITERS)
    Product updateVariant(@PathVariable UUID id, @PathVariable String sku, @Valid @RequestBody VariantChange change) {
        return variants.updateVariant(id, ProductRules.sku(sku, "sku"), change);
    }

    /** The variant with this barcode, for tills and stock counts that scan one. */
    @GetMapping(path = "/variants", params = "gtin")
    @PreAuthorize(READERS)
    ProductVariant variantByGtin(@RequestParam String gtin) {
        Gtin parsed = ProductRules.gtin(gtin, "gtin");
        return variants.findByGtin(parsed).orElseThrow(() -> new NotFoundException("Variant with GTIN", parsed));
    }

    @DeleteMapping("/products/{id}/variants/{sku}")
    @PreAuthorize(WRITERS)
    Product removeVariant(@PathVariable UUID id, @PathVariable String sku) {
        return products.removeVariant(id, ProductRules.sku(sku, "sku"));
    }

    /** The channels that sell the product, as a whole. */
    record AssortmentRequest(@NotNull @Size(max = 100) List<@Valid @NotNull ChannelAssortment> channels) {}

    @PutMapping("/products/{id}/assortment")
    @PreAuthorize(WRITERS)
    Product setAssortment(@PathVariable UUID id, @Valid @RequestBody AssortmentRequest assortment) {
        ProductRules.assortment(assortment.channels(), "channels");
        return products.setAssortment(id, assortment.channels());
    }

    @GetMapping("/variants/{sku}")
    @PreAuthorize(READERS)
    ProductVariant variant(@PathVariable String sku) {
        return products.variant(ProductRules.sku(sku, "sku"));
    }
}
