package io.throughline.imports.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.imports.ImportLineError;
import io.throughline.imports.OrderImport;
import io.throughline.imports.OrderImportMapping;
import io.throughline.imports.OrderImports;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Order history imports: a CSV file (plain or gzip) with its column mapping, then followed until done. */
@RestController
@RequestMapping("/api/imports/orders")
@PreAuthorize(StaffPermission.Rules.IMPORT_ORDERS)
@Tag(name = "Order history imports", description = "Orders from systems without an API, from CSV files of order lines")
class OrderImportController {

    private final OrderImports imports;
    private final JsonMapper json;
    private final Validator validator;

    OrderImportController(OrderImports imports, JsonMapper json, Validator validator) {
        this.imports = imports;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<OrderImport> start(@RequestPart(name = "mapping", required = false) @Nullable String mapping,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
        OrderImportMapping checked = mapping(mapping);
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "is missing or empty");
        }
        String name = file.getOriginalFilename() == null ? "orders.csv" : file.getOriginalFilename();
        try (InputStream content = file.getInputStream()) {
            OrderImport started = imports.start(name, content, checked);
            return ResponseEntity.accepted().location(URI.create("/api/imports/orders/" + started.id())).body(started);
        }
    }

    /** The mapping part, read and checked here so that its problems name the mapping's own fields. */
    OrderImportMapping mapping(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("mapping", "is missing: a JSON object naming the file's columns");
        }
        OrderImportMapping mapping;
        try {
            mapping = json.readValue(text, OrderImportMapping.class);
        } catch (JacksonException wrong) {
            throw new InvalidRequestException("mapping", "is not a mapping as JSON: " + wrong.getOriginalMessage());
        }
        validator.validate(mapping).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(OrderImportController::refuse);
        return mapping;
    }

    private static void refuse(ConstraintViolation<OrderImportMapping> violation) {
        throw new InvalidRequestException("mapping." + violation.getPropertyPath(), violation.getMessage());
    }

    @GetMapping
    Page<OrderImport> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return imports.list(new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    OrderImport get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @GetMapping("/{id}/errors")
    Page<ImportLineError> errors(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.MAX_SIZE) int size) {
        return imports.errors(id, new PageRequest(page, size));
    }
}
