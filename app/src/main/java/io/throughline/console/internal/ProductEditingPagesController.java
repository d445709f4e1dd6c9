package io.throughline.console.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.NewProduct;
import io.throughline.catalog.NewVariant;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductChange;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.Products;
import io.throughline.catalog.Variant;
import io.throughline.catalog.VariantChange;
import io.throughline.catalog.Variants;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the catalogue in the console, for administrators and marketers: a new product with its first
 * variant, more variants, a variant's details, the product's images and the channels that sell it. Each form
 * comes back with what was typed and every error at its field; a change redirects to the product's page.
 */
@Controller
@RequestMapping("/catalog/products")
@PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
class ProductEditingPagesController {

    private static final Map<String, String> NEW_PRODUCT_FIELDS = ordered(
            "name", "name", "description", "description", "variants[0].sku", "sku", "variants[0].gtin", "gtin",
            "variants[0].name", "variantName", "variants", "sku", "attributes", "attributes", "images", "imageUrl",
            "assortment", "channels");
    private static final Map<String, String> NEW_VARIANT_FIELDS = ordered(
            "variants[0].sku", "variant.sku", "variant.sku", "variant.sku", "sku", "variant.sku",
            "variants[0].gtin", "variant.gtin", "gtin", "variant.gtin", "variants[0].name", "variant.name",
            "name", "variant.name", "variants[0].attributes", "variant.attributes", "attributes", "variant.attributes");
    private static final Map<String, String> VARIANT_FIELDS = ordered(
            "gtin", "gtin", "name", "name", "attributes", "attributes");

    private final Products products;
    private final Variants variants;
    private final ProductForms forms;
    private final Validator validator;
    private final Clock clock;

    ProductEditingPagesController(Products products, Variants variants, ProductForms forms, Validator validator,
            Clock clock) {
        this.products = products;
        this.variants = variants;
        this.forms = forms;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newProduct(Model model) {
        return newProductPage(ProductForms.NewProductForm.empty(), Map.of(), model);
    }

    @PostMapping
    String create(@ModelAttribute("newProduct") ProductForms.NewProductForm form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Attribute> attributes = forms.attributes(form.attributes(), "attributes", errors);
        String imageUrl = form.imageUrl() == null ? "" : form.imageUrl().strip();
        String imageProblem = imageUrl.isEmpty() ? null : ProductImage.problemWithUrl(imageUrl);
        if (imageProblem != null) {
            errors.put("imageUrl", imageProblem);
        }
        Instant now = clock.instant();
        NewProduct product = new NewProduct(blankToEmpty(form.name()), form.description(),
                List.of(new NewVariant(blankToEmpty(form.sku()), form.gtin(), blankToNull(form.variantName()),
                        null)),
                null, attributes, imageUrl.isEmpty() ? List.of() : List.of(new ProductImage(imageUrl, null)),
                ProductForms.nonNull(form.channels()).stream()
                        .map(channel -> new ChannelAssortment(channel, now, null)).toList());
        validate(product, NEW_PRODUCT_FIELDS, errors);
        if (errors.isEmpty()) {
            try {
                Product created = products.create(product);
                redirect.addFlashAttribute("notice", forms.text("catalog.product.created", created.name()));
                return "redirect:/catalog/products/" + created.id();
            } catch (InvalidRequestException invalid) {
                errors.putIfAbsent(ProductForms.field(invalid.field(), NEW_PRODUCT_FIELDS), invalid.reason());
            } catch (ConflictException conflict) {
                errors.putIfAbsent(ProductForms.field(conflict.field(), NEW_PRODUCT_FIELDS), conflict.getMessage());
            }
        }
        return newProductPage(form, errors, model);
    }

    private String newProductPage(ProductForms.NewProductForm form, Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("newProduct", form);
        model.addAttribute("channelOptions", forms.channelOptions(List.of(), ProductForms.nonNull(form.channels())));
        model.addAttribute("errors", errors);
        return "console/catalog/new";
    }

    @PostMapping("/{id}/variants")
    String addVariant(@PathVariable UUID id, @ModelAttribute("newVariant") ProductForms.VariantForm form,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Attribute> attributes = forms.attributes(form.attributes(), "variant.attributes", errors);
        NewVariant variant = new NewVariant(blankToEmpty(form.sku()), form.gtin(), blankToNull(form.name()),
                attributes);
        validate(variant, NEW_VARIANT_FIELDS, errors);
        if (errors.isEmpty()) {
            try {
                products.addVariant(id, variant);
                redirect.addFlashAttribute("notice", forms.text("catalog.variant.added", variant.sku().strip()
                        .toUpperCase(java.util.Locale.ROOT)));
                return "redirect:/catalog/products/{id}";
            } catch (InvalidRequestException invalid) {
                errors.putIfAbsent(ProductForms.field(invalid.field(), NEW_VARIANT_FIELDS), invalid.reason());
            } catch (ConflictException conflict) {
                errors.putIfAbsent(ProductForms.field(conflict.field(), NEW_VARIANT_FIELDS), conflict.getMessage());
            }
        }
        forms.productPage(products.get(id), true, errors, model);
        return "console/catalog/product";
    }

    @GetMapping("/{id}/variants/{sku}")
    String variant(@PathVariable UUID id, @PathVariable String sku, Model model) {
        Product product = products.get(id);
        Variant variant = variantOf(product, sku);
        return variantPage(product, variant, ProductForms.variantForm(variant), Map.of(), model);
    }

    @PostMapping("/{id}/variants/{sku}")
    String changeVariant(@PathVariable UUID id, @PathVariable String sku,
            @ModelAttribute("variantForm") ProductForms.VariantForm form, Model model, RedirectAttributes redirect) {
        Product product = products.get(id);
        Variant variant = variantOf(product, sku);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Attribute> attributes = forms.attributes(form.attributes(), "attributes", errors);
        VariantChange change = new VariantChange(form.name(), form.gtin(), attributes);
        validate(change, VARIANT_FIELDS, errors);
        if (errors.isEmpty()) {
            try {
                variants.updateVariant(id, variant.sku(), change);
                redirect.addFlashAttribute("notice", forms.text("catalog.variant.saved", variant.sku().value()));
                return "redirect:/catalog/products/{id}";
            } catch (InvalidRequestException invalid) {
                errors.putIfAbsent(ProductForms.field(invalid.field(), VARIANT_FIELDS), invalid.reason());
            } catch (ConflictException conflict) {
                errors.putIfAbsent(ProductForms.field(conflict.field(), VARIANT_FIELDS), conflict.getMessage());
            }
        }
        ProductForms.VariantForm shown = new ProductForms.VariantForm(variant.sku().value(), form.gtin(), form.name(),
                form.attributes());
        return variantPage(product, variant, shown, errors, model);
    }

    @PostMapping("/{id}/variants/{sku}/retire")
    String retire(@PathVariable UUID id, @PathVariable String sku, RedirectAttributes redirect) {
        Variant variant = variantOf(products.get(id), sku);
        products.removeVariant(id, variant.sku());
        redirect.addFlashAttribute("notice", forms.text("catalog.variant.retired", variant.sku().value()));
        return "redirect:/catalog/products/{id}";
    }

    private String variantPage(Product product, Variant variant, ProductForms.VariantForm form,
            Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("product", product);
        model.addAttribute("variant", variant);
        model.addAttribute("variantForm", form);
        model.addAttribute("errors", errors);
        return "console/catalog/variant";
    }

    /** Saves the images, or with {@code action=preview} shows them as they would look without saving. */
    @PostMapping("/{id}/images")
    String images(@PathVariable UUID id, @ModelAttribute("imagesForm") ProductForms.ImagesForm form,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ProductImage> images = forms.images(form, errors);
        if (images != null && !action.equals("preview")) {
            try {
                products.update(id, new ProductChange(null, null, null, null, images, null));
                redirect.addFlashAttribute("notice", forms.text("catalog.images.saved"));
                return "redirect:/catalog/products/{id}";
            } catch (InvalidRequestException invalid) {
                errors.putIfAbsent(invalid.field(), invalid.reason());
            }
        }
        model.addAttribute("previewing", true);
        forms.productPage(products.get(id), true, errors, model);
        return "console/catalog/product";
    }

    /** Replaces which channels sell the product; a channel that kept selling keeps its dates. */
    @PostMapping("/{id}/assortment")
    String assortment(@PathVariable UUID id, @ModelAttribute("assortmentForm") ProductForms.AssortmentForm form,
            Model model, RedirectAttributes redirect) {
        Product product = products.get(id);
        Map<String, ChannelAssortment> current = product.assortment().stream()
                .collect(Collectors.toMap(ChannelAssortment::channel, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        List<ChannelAssortment> assortment = ProductForms.nonNull(form.channels()).stream().distinct()
                .map(channel -> current.getOrDefault(channel, new ChannelAssortment(channel, now, null))).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            products.setAssortment(id, assortment);
            redirect.addFlashAttribute("notice", forms.text("catalog.assortment.saved"));
            return "redirect:/catalog/products/{id}";
        } catch (InvalidRequestException invalid) {
            errors.put("channels", invalid.reason());
        }
        forms.productPage(product, true, errors, model);
        return "console/catalog/product";
    }

    private <T> void validate(T value, Map<String, String> fields, Map<String, String> errors) {
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            errors.putIfAbsent(ProductForms.field(violation.getPropertyPath().toString(), fields),
                    violation.getMessage());
        }
    }

    private static Variant variantOf(Product product, String sku) {
        return product.variants().stream().filter(variant -> variant.sku().value().equalsIgnoreCase(sku)).findFirst()
                .orElseThrow(() -> new NotFoundException("Variant", sku));
    }

    private static String blankToEmpty(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(
            @org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
