package io.throughline.journeys.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.journeys.DryRun;
import io.throughline.journeys.DryRunRequest;
import io.throughline.journeys.Entry;
import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStats;
import io.throughline.journeys.JourneyVersion;
import io.throughline.journeys.Journeys;
import io.throughline.platform.PageRequest;
import io.throughline.platform.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.JsonNode;

/**
 * Journeys for marketers: definitions as JSON (every save a new version), activation, entries by API call,
 * dry runs and per-step counts. Analysts read the counts too.
 */
@RestController
@RequestMapping("/api/journeys")
@Tag(name = "Journeys", description = "Journey definitions, versions, entries, dry runs and per-step counts")
class JourneysController {

    static final String MARKETERS = StaffPermission.Rules.STEER_JOURNEYS;
    static final String READERS = StaffPermission.Rules.READ_JOURNEYS;

    /** An entry through the API trigger, with data the journey's messages may use. */
    record EntryRequest(@NotNull UUID profileId, @Nullable Map<String, Object> data) {}

    private final Journeys journeys;

    JourneysController(Journeys journeys) {
        this.journeys = journeys;
    }

    @PostMapping
    @PreAuthorize(MARKETERS)
    @Operation(summary = "Saves a new journey as version 1, a draft until activated")
    ResponseEntity<Journey> create(@RequestBody JsonNode definition) {
        Journey journey = journeys.create(definition);
        return ResponseEntity.created(URI.create("/api/journeys/" + journey.key())).body(journey);
    }

    @PutMapping("/{key}")
    @PreAuthorize(MARKETERS)
    @Operation(summary = "Saves the definition as the next version; an active journey's new entries take it")
    Journey update(@PathVariable String key, @RequestBody JsonNode definition) {
        return journeys.update(key, definition);
    }

    @GetMapping
    @PreAuthorize(READERS)
    Page<Journey> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return journeys.list(new PageRequest(page, size));
    }

    @GetMapping("/{key}")
    @PreAuthorize(READERS)
    Journey get(@PathVariable String key) {
        return journeys.get(key);
    }

    @GetMapping("/{key}/versions/{version}")
    @PreAuthorize(READERS)
    JourneyVersion version(@PathVariable String key, @PathVariable int version) {
        return journeys.version(key, version);
    }

    @GetMapping("/{key}/versions/{version}/stats")
    @PreAuthorize(READERS)
    @Operation(summary = "Per-step counts (in, out, waiting) and goal conversion of one version")
    JourneyStats stats(@PathVariable String key, @PathVariable int version) {
        return journeys.stats(key, version);
    }

    @PostMapping("/{key}/activate")
    @PreAuthorize(MARKETERS)
    @Operation(summary = "New entries take the latest version; triggers start entering customers")
    Journey activate(@PathVariable String key) {
        return journeys.activate(key);
    }

    @PostMapping("/{key}/pause")
    @PreAuthorize(MARKETERS)
    @Operation(summary = "No new entries; customers in flight carry on")
    Journey pause(@PathVariable String key) {
        return journeys.pause(key);
    }

    @PostMapping("/{key}/entries")
    @PreAuthorize(MARKETERS)
    @Operation(summary = "Enters a customer through the journey's API trigger")
    ResponseEntity<Entry> enter(@PathVariable String key, @Valid @RequestBody EntryRequest request) {
        Entry entry = journeys.enter(key, request.profileId(), request.data() == null ? Map.of() : request.data());
        return ResponseEntity.status(201).body(entry);
    }

    @PostMapping("/{key}/dry-run")
    @PreAuthorize(MARKETERS)
    @Operation(summary = "What the journey would do for the customer from a moment, given hypothetical events;"
            + " nothing is sent or recorded")
    DryRun dryRun(@PathVariable String key, @Valid @RequestBody DryRunRequest request) {
        return journeys.dryRun(key, request);
    }
}
