package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.catalog.CatalogueImports;
import io.throughline.catalog.ImportJob;
import io.throughline.catalog.ImportStatus;
import io.throughline.catalog.Product;
import io.throughline.catalog.ProductChange;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.Products;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue in the console: the product list with search, a product's page with its variants, attributes,
 * images and assortment and a form for its details (the other forms are {@link ProductEditingPagesController}'s),
 * and CSV imports with their progress and refused rows. Everyone
 * who serves customers may look; administrators and marketers may change.
 */
@Controller
@RequestMapping("/catalog")
@PreAuthorize(StaffPermission.Rules.READ_CATALOG)
class CatalogPagesController {

    private static final String WRITERS = StaffPermission.Rules.EDIT_CATALOG;

    /** The editable details of a product, as the form posts them. */
    record ProductForm(String name, String description, boolean active) {}

    private final Products products;
    private final CatalogueImports imports;
    private final ProductForms forms;

    CatalogPagesController(Products products, CatalogueImports imports, ProductForms forms) {
        this.products = products;
        this.imports = imports;
        this.forms = forms;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("q", query);
        model.addAttribute("results", products.list(new ProductFilter(query.isBlank() ? null : query, null, null, null),
                new PageRequest(Math.max(0, page), 25)));
        return htmx != null ? "console/catalog/list :: results" : "console/catalog/list";
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable UUID id, Authentication staff, Model model) {
        Product product = products.get(id);
        boolean canEdit = staff.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_ADMIN") || authority.getAuthority().equals("ROLE_MARKETER"));
        return productPage(product, canEdit, new ProductForm(product.name(), product.description(), product.active()),
                Map.of(), model);
    }

    @PostMapping("/products/{id}")
    @PreAuthorize(WRITERS)
    String change(@PathVariable UUID id, ProductForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank() || form.name().length() > 300) {
            errors.put("name", forms.text("catalog.error.name"));
        }
        if (form.description() != null && form.description().length() > 10_000) {
            errors.put("description", forms.text("catalog.error.description"));
        }
        if (!errors.isEmpty()) {
            return productPage(products.get(id), true, form, errors, model);
        }
        products.update(id, new ProductChange(form.name(), form.description() == null ? "" : form.description(),
                null, null, null, form.active()));
        redirect.addFlashAttribute("notice", forms.text("catalog.product.saved"));
        return "redirect:/catalog/products/{id}";
    }

    private String productPage(Product product, boolean canEdit, ProductForm form, Map<String, String> errors,
            Model model) {
        model.addAttribute("form", form);
        forms.productPage(product, canEdit, errors, model);
        return "console/catalog/product";
    }

    @GetMapping("/imports")
    String imports(Model model) {
        return importsPage(Map.of(), model);
    }

    @PostMapping("/imports")
    @PreAuthorize(WRITERS)
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "is missing or empty");
            }
            String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            ImportJob job = imports.start(name, new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("notice", forms.text("catalog.import.started", job.fileName()));
            return "redirect:/catalog/imports/" + job.id();
        } catch (InvalidRequestException invalid) {
            return importsPage(Map.of("file", invalid.reason()), model);
        }
    }

    private String importsPage(Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("jobs", imports.list(new PageRequest(0, 20)));
        model.addAttribute("errors", errors);
        return "console/catalog/imports";
    }

    @GetMapping("/imports/{id}")
    String importJob(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        ImportJob job = imports.get(id);
        model.addAttribute("area", ConsoleArea.CATALOG);
        model.addAttribute("job", job);
        model.addAttribute("running", job.status() == ImportStatus.RUNNING);
        model.addAttribute("percent", job.totalRows() == 0 ? 0 : job.rowsDone() * 100L / job.totalRows());
        model.addAttribute("rowErrors", imports.errors(id, new PageRequest(Math.max(0, page), 100)));
        return htmx != null ? "console/catalog/import :: progress" : "console/catalog/import";
    }
}
