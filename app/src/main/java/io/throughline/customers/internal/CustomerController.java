package io.throughline.customers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles over REST. Analysts work with aggregates and get no personal data here; marketers may
 * read; the roles that serve customers may also write.
 */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customer profiles")
class CustomerController {

    private static final String READERS = "hasAnyRole('ADMIN', 'AGENT', 'STORE_ASSOCIATE', 'MARKETER')";
    private static final String WRITERS = "hasAnyRole('ADMIN', 'AGENT', 'STORE_ASSOCIATE')";

    private final CustomerProfiles profiles;

    CustomerController(CustomerProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List or search profiles by name, email or phone, newest first")
    Page<CustomerProfile> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return profiles.search(q, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    CustomerProfile get(@PathVariable UUID id) {
        return profiles.get(id);
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<CustomerProfile> create(@Valid @RequestBody CustomerDetails details) {
        CustomerProfile created = profiles.create(details);
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    CustomerProfile update(@PathVariable UUID id, @Valid @RequestBody CustomerDetails details) {
        return profiles.update(id, details);
    }
}
