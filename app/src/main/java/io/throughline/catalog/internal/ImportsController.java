package io.throughline.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.catalog.CatalogueImports;
import io.throughline.catalog.ImportJob;
import io.throughline.catalog.ImportRowError;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV imports of products: uploaded as a text/csv body or a multipart file, then followed until done. */
@RestController
@RequestMapping("/api/catalog/imports")
@PreAuthorize(CatalogController.WRITERS)
@Tag(name = "Catalogue imports", description = "Bulk product loads from CSV files, with progress and per-row errors")
class ImportsController {

    private final CatalogueImports imports;

    ImportsController(CatalogueImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "text/csv")
    ResponseEntity<ImportJob> upload(@RequestBody String csv,
            @RequestParam(defaultValue = "upload.csv") String fileName) {
        return accepted(imports.start(fileName, csv));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJob> uploadFile(@RequestPart("file") @Nullable MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "is missing or empty");
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        return accepted(imports.start(name, new String(file.getBytes(), StandardCharsets.UTF_8)));
    }

    private static ResponseEntity<ImportJob> accepted(ImportJob job) {
        return ResponseEntity.accepted().location(URI.create("/api/catalog/imports/" + job.id())).body(job);
    }

    @GetMapping
    Page<ImportJob> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return imports.list(new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    ImportJob get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @GetMapping("/{id}/errors")
    Page<ImportRowError> errors(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.MAX_SIZE) int size) {
        return imports.errors(id, new PageRequest(page, size));
    }
}
