package io.throughline.tracking.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.tracking.IssuedWriteKey;
import io.throughline.tracking.NewSource;
import io.throughline.tracking.Source;
import io.throughline.tracking.SourceTrust;
import io.throughline.tracking.Sources;
import io.throughline.tracking.WriteKeySummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sources and their write keys: administrators only. */
@RestController
@RequestMapping("/api/sources")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Sources", description = "Channel instances that send events, and their write keys")
class SourcesController {

    record SourceChange(@Nullable @Size(min = 1, max = 100) String name,
            @Nullable @Min(1) @Max(1_000_000) Integer eventsPerSecond, @Nullable Boolean enabled,
            @Nullable SourceTrust trust) {}

    /** The secret for signing user ids, shown once. */
    record IssuedUserIdSecret(UUID sourceId, String secret) {}

    private final Sources sources;

    SourcesController(Sources sources) {
        this.sources = sources;
    }

    @GetMapping
    List<Source> list() {
        return sources.list();
    }

    @PostMapping
    ResponseEntity<Source> create(@Valid @RequestBody NewSource source) {
        Source created = sources.create(source);
        return ResponseEntity.created(URI.create("/api/sources/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    Source get(@PathVariable UUID id) {
        return sources.get(id);
    }

    @PatchMapping("/{id}")
    Source update(@PathVariable UUID id, @Valid @RequestBody SourceChange change) {
        Source updated = sources.update(id, change.name(), change.eventsPerSecond(), change.enabled());
        return change.trust() == null ? updated : sources.changeTrust(id, change.trust());
    }

    @PostMapping("/{id}/user-id-secret")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedUserIdSecret issueUserIdSecret(@PathVariable UUID id) {
        return new IssuedUserIdSecret(id, sources.issueUserIdSecret(id));
    }

    @GetMapping("/{id}/write-keys")
    List<WriteKeySummary> writeKeys(@PathVariable UUID id) {
        return sources.writeKeys(id);
    }

    @PostMapping("/{id}/write-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedWriteKey issueWriteKey(@PathVariable UUID id) {
        return sources.issueWriteKey(id);
    }

    @DeleteMapping("/{id}/write-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeWriteKey(@PathVariable UUID id, @PathVariable UUID keyId) {
        sources.revokeWriteKey(id, keyId);
    }
}
