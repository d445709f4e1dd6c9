package io.throughline.console.internal;

import io.throughline.imports.ImportState;
import io.throughline.imports.OrderImport;
import io.throughline.imports.OrderImportMapping;
import io.throughline.imports.OrderImports;
import io.throughline.orders.DeliveryMethod;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Order history imports in the console: a file with its column mapping, then the import's progress and the lines
 * it could not take. A refused mapping comes back with its error at the field and everything typed kept.
 */
@Controller
@RequestMapping("/imports")
@PreAuthorize(StaffPermission.Rules.IMPORT_ORDERS)
class OrderImportPagesController {

    /** The mapping as typed; blank optional columns are left out. The defaults read the Online Retail file. */
    record MappingForm(String orderNumber, String time, String sku, String description, String quantity,
            String unitPrice, String currencyColumn, String customer, String channelColumn, String country,
            String timeFormat, String timeZone, String customerType, String currency, String channel,
            String cancellationPrefix, String unknownProducts, String charges, String zeroPrice, String delivery,
            String encoding) {

        static MappingForm defaults() {
            return new MappingForm("InvoiceNo", "InvoiceDate", "StockCode", "Description", "Quantity", "UnitPrice", "",
                    "CustomerID", "", "Country", "yyyy-MM-dd HH:mm:ss", "Europe/London", "user_id", "GBP", "web", "C",
                    "CREATE", "POST, DOT, M, C2, D, S, BANK CHARGES, AMAZONFEE, CRUK, PADS, B", "REPORT",
                    "HOME_DELIVERY", "UTF-8");
        }

        OrderImportMapping mapping() {
            return new OrderImportMapping(new OrderImportMapping.Columns(orderNumber.strip(), time.strip(), sku.strip(),
                    blank(description), quantity.strip(), unitPrice.strip(), blank(currencyColumn), blank(customer),
                    blank(channelColumn), blank(country)), timeFormat.strip(), timeZone.strip(), customerType.strip(),
                    blank(currency), blank(channel), blank(cancellationPrefix),
                    choice(OrderImportMapping.UnknownProducts.class, unknownProducts, "unknownProducts"),
                    Arrays.stream(charges.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList(),
                    choice(OrderImportMapping.ZeroPrice.class, zeroPrice, "zeroPrice"),
                    choice(DeliveryMethod.class, delivery, "delivery"), blank(encoding));
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException("mapping." + field, "is not one of the choices");
            }
        }
    }

    private final OrderImports imports;
    private final Sources sources;

    OrderImportPagesController(OrderImports imports, Sources sources) {
        this.imports = imports;
        this.sources = sources;
    }

    @GetMapping
    String list(Model model) {
        return page(MappingForm.defaults(), Map.of(), model);
    }

    @PostMapping
    String start(@ModelAttribute MappingForm form, @RequestParam(name = "file", required = false) @Nullable
            MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "is missing or empty");
            }
            String name = file.getOriginalFilename() == null ? "orders.csv" : file.getOriginalFilename();
            OrderImport started;
            try (InputStream content = file.getInputStream()) {
                started = imports.start(name, content, form.mapping());
            }
            redirect.addFlashAttribute("started", started.fileName());
            return "redirect:/imports/" + started.id();
        } catch (InvalidRequestException invalid) {
            return page(form, Map.of(fieldOf(invalid.field()), invalid.reason()), model);
        }
    }

    /** The form's field for a mapping field: {@code mapping.columns.sku} is the field {@code sku}. */
    static String fieldOf(String field) {
        String name = field.replaceFirst("^mapping\\.columns\\.", "").replaceFirst("^mapping\\.", "");
        return switch (name) {
            case "currency" -> field.startsWith("mapping.columns.") ? "currencyColumn" : "currency";
            case "channel" -> field.startsWith("mapping.columns.") ? "channelColumn" : "channel";
            case "mapping" -> "form";
            default -> name;
        };
    }

    private String page(MappingForm form, Map<String, String> errors, Model model) {
        model.addAttribute("area", ConsoleArea.IMPORTS);
        model.addAttribute("form", form);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("channels", sources.list().stream().map(Source::channel).distinct().sorted().toList());
        model.addAttribute("customerTypes", List.of("user_id", "email", "phone", "loyalty_card", "pos_customer_id",
                "device_id"));
        model.addAttribute("imports", imports.list(new PageRequest(0, 20)));
        return "console/imports/list";
    }

    @GetMapping("/{id}")
    String progress(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        OrderImport found = imports.get(id);
        model.addAttribute("area", ConsoleArea.IMPORTS);
        model.addAttribute("job", found);
        model.addAttribute("running", found.state() == ImportState.RUNNING);
        model.addAttribute("lineErrors", imports.errors(id, new PageRequest(Math.max(0, page), 100)));
        return htmx != null ? "console/imports/import :: progress" : "console/imports/import";
    }
}
