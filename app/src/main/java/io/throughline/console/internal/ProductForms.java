package io.throughline.console.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.ChannelAssortment;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductImage;
import io.throughline.catalog.Variant;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The product page's forms: what each shows when first opened, attributes typed one per line as
 * {@code name: value}, and the catalogue's refusals put at the field of the form they belong to.
 */
@Component
class ProductForms {

    /** A new product with its first variant, as the form posts it. */
    record NewProductForm(@Nullable String name, @Nullable String description, @Nullable String sku,
            @Nullable String gtin, @Nullable String variantName, @Nullable String attributes,
            @Nullable String imageUrl, @Nullable List<String> channels) {

        static NewProductForm empty() {
            return new NewProductForm("", "", "", "", "", "", "", List.of());
        }
    }

    /** A variant to add or change; the SKU is fixed once it exists. */
    record VariantForm(@Nullable String sku, @Nullable String gtin, @Nullable String name,
            @Nullable String attributes) {}

    /** The product's images, one URL and text per row; an empty row is no image. */
    record ImagesForm(@Nullable List<ImageRow> images) {

        public List<ImageRow> rows() {
            return images == null ? List.of() : images.stream().filter(row -> row != null).toList();
        }
    }

    record ImageRow(@Nullable String url, @Nullable String altText) {}

    /** The channels ticked as selling the product. */
    record AssortmentForm(@Nullable List<String> channels) {}

    /** One channel of the assortment form: a source's channel, or one the product is already sold on. */
    record ChannelOption(String key, String name, boolean ticked) {}

    private final Sources sources;
    private final MessageSource messages;

    ProductForms(Sources sources, MessageSource messages) {
        this.sources = sources;
        this.messages = messages;
    }

    /** Fills what the product page shows and every form it holds that the caller did not fill already. */
    void productPage(Product product, boolean canEdit, Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("product", product);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CatalogPagesController.ProductForm(product.name(), product.description(),
                    product.active()));
        }
        if (!model.containsAttribute("newVariant")) {
            model.addAttribute("newVariant", new VariantForm("", "", "", ""));
        }
        if (!model.containsAttribute("imagesForm")) {
            List<ImageRow> rows = new ArrayList<>(product.images().stream()
                    .map(image -> new ImageRow(image.url(), image.altText() == null ? "" : image.altText())).toList());
            rows.add(new ImageRow("", ""));
            model.addAttribute("imagesForm", new ImagesForm(rows));
        }
        List<String> ticked = model.containsAttribute("assortmentForm")
                ? nonNull(((AssortmentForm) model.getAttribute("assortmentForm")).channels())
                : product.assortment().stream().map(ChannelAssortment::channel).toList();
        model.addAttribute("channelOptions", channelOptions(product.assortment(), ticked));
    }

    List<ChannelOption> channelOptions(List<ChannelAssortment> current, List<String> ticked) {
        Map<String, String> names = new LinkedHashMap<>();
        sources.list().stream().sorted(java.util.Comparator.comparing(Source::name))
                .forEach(source -> names.putIfAbsent(source.channel(), source.name()));
        current.forEach(row -> names.putIfAbsent(row.channel(), row.channel()));
        return names.entrySet().stream()
                .map(entry -> new ChannelOption(entry.getKey(), entry.getValue(), ticked.contains(entry.getKey())))
                .toList();
    }

    /** Attributes typed one per line as {@code name: value}, or null with the error at {@code field}. */
    @Nullable List<Attribute> attributes(@Nullable String typed, String field, Map<String, String> errors) {
        List<Attribute> attributes = new ArrayList<>();
        if (typed == null) {
            return attributes;
        }
        for (String line : typed.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                errors.putIfAbsent(field, text("catalog.error.attribute-line", line.strip()));
                return null;
            }
            attributes.add(new Attribute(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return attributes;
    }

    static String attributesText(List<Attribute> attributes) {
        return attributes.stream().map(attribute -> attribute.name() + ": " + attribute.value())
                .collect(Collectors.joining("\n"));
    }

    static VariantForm variantForm(Variant variant) {
        return new VariantForm(variant.sku().value(), variant.gtin() == null ? "" : variant.gtin().value(),
                variant.name(), attributesText(variant.attributes()));
    }

    /** The images of the rows with a URL, or null with an error at each row whose URL is not one. */
    @Nullable List<ProductImage> images(ImagesForm form, Map<String, String> errors) {
        List<ProductImage> images = new ArrayList<>();
        List<ImageRow> rows = form.rows();
        for (int i = 0; i < rows.size(); i++) {
            ImageRow row = rows.get(i);
            String url = row.url() == null ? "" : row.url().strip();
            if (url.isEmpty()) {
                continue;
            }
            String problem = ProductImage.problemWithUrl(url);
            if (problem != null) {
                errors.put("images[" + i + "].url", problem);
                continue;
            }
            String alt = row.altText() == null || row.altText().isBlank() ? null : row.altText().strip();
            images.add(new ProductImage(url, alt));
        }
        return errors.isEmpty() ? images : null;
    }

    /**
     * The form's field for a refusal of the catalogue: the first entry of {@code fields} (domain field prefix to
     * form field) that the refused field is or starts with, else the form as a whole.
     */
    static String field(String refused, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String prefix = field.getKey();
            if (refused.equals(prefix) || refused.startsWith(prefix + ".") || refused.startsWith(prefix + "[")) {
                return field.getValue();
            }
        }
        return FormErrors.FORM;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    static List<String> nonNull(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }
}
