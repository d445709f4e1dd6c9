package io.throughline.segments.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.segments.Segment;
import io.throughline.segments.SegmentExplanation;
import io.throughline.segments.Segments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * Segments for marketers: definitions as JSON (checked on save, refused with the JSON path at fault), the size
 * a definition would have, members, why a customer is in or out, and member counts over time. Analysts read
 * definitions and counts, not members.
 */
@RestController
@RequestMapping("/api/segments")
@Tag(name = "Segments", description = "Segment definitions, size previews, members, explanations and counts")
class SegmentsController {

    /** The size a definition would have now. */
    record Preview(long members) {}

    private final Segments segments;
    private final AudienceExport audiences;
    private final AccessAudit audit;
    private final Clock clock;

    SegmentsController(Segments segments, AudienceExport audiences, AccessAudit audit, Clock clock) {
        this.segments = segments;
        this.audiences = audiences;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(value = "/{key}/audience", produces = "text/csv")
    @PreAuthorize(StaffPermission.Rules.EXPORT_AUDIENCES)
    @Operation(summary = "The members who consented to marketing, as CSV of email and phone for an advertising"
            + " platform; with hashed=true as SHA-256 of the normalised values")
    ResponseEntity<String> audience(@PathVariable String key, @RequestParam(defaultValue = "false") boolean hashed,
            Authentication staff) {
        AudienceExport.Audience audience = audiences.export(key, hashed);
        if (!audience.profileIds().isEmpty()) {
            audit.record(CurrentStaff.id(staff), audience.profileIds(), "segment-audience-export");
        }
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + key + ".csv\"")
                .body(audience.csv());
    }

    @PostMapping
    @PreAuthorize(StaffPermission.Rules.EDIT_SEGMENTS)
    @Operation(summary = "Saves a new segment and starts evaluating it over every profile")
    ResponseEntity<Segment> create(@RequestBody JsonNode definition) {
        Segment segment = segments.create(definition);
        return ResponseEntity.created(URI.create("/api/segments/" + segment.key())).body(segment);
    }

    @PostMapping("/preview")
    @PreAuthorize(StaffPermission.Rules.EDIT_SEGMENTS)
    @Operation(summary = "How many profiles the definition would hold now, without saving it")
    Preview preview(@RequestBody JsonNode definition) {
        return new Preview(segments.preview(definition));
    }

    @PutMapping("/{key}")
    @PreAuthorize(StaffPermission.Rules.EDIT_SEGMENTS)
    @Operation(summary = "Saves the definition as the next version and evaluates it again over every profile")
    Segment update(@PathVariable String key, @RequestBody JsonNode definition) {
        return segments.update(key, definition);
    }

    @GetMapping
    @PreAuthorize(StaffPermission.Rules.READ_SEGMENTS)
    Page<Segment> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return segments.list(new PageRequest(page, size));
    }

    @GetMapping("/{key}")
    @PreAuthorize(StaffPermission.Rules.READ_SEGMENTS)
    @Operation(summary = "The segment, its size and its latest batch evaluation's progress")
    Segment get(@PathVariable String key) {
        return segments.get(key);
    }

    @GetMapping("/{key}/counts")
    @PreAuthorize(StaffPermission.Rules.READ_SEGMENTS)
    @Operation(summary = "Members over time, for the last `days` days (30 by default)")
    List<Segments.MemberCount> counts(@PathVariable String key, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 3660) {
            throw new io.throughline.platform.InvalidRequestException("days", "must be between 1 and 3660");
        }
        return segments.counts(key, clock.instant().minus(Duration.ofDays(days)));
    }

    @GetMapping("/{key}/members")
    @PreAuthorize(StaffPermission.Rules.READ_SEGMENT_MEMBERS)
    @Operation(summary = "The members, latest entries first, a slice at a time")
    Keyset.Slice<Segments.Member> members(@PathVariable String key, @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size, Authentication staff) {
        Keyset.Slice<Segments.Member> slice = segments.members(key,
                after == null ? null : Keyset.Cursor.parse("after", after), size);
        if (!slice.items().isEmpty()) {
            audit.record(CurrentStaff.id(staff), slice.items().stream().map(Segments.Member::profileId).toList(),
                    "segment-members");
        }
        return slice;
    }

    @GetMapping("/{key}/members/{profileId}/explanation")
    @PreAuthorize(StaffPermission.Rules.READ_SEGMENT_MEMBERS)
    @Operation(summary = "Why the customer is in or out of the segment now, condition by condition")
    SegmentExplanation explain(@PathVariable String key, @PathVariable UUID profileId, Authentication staff) {
        SegmentExplanation explanation = segments.explain(key, profileId);
        audit.record(CurrentStaff.id(staff), List.of(profileId), "segment-explanation");
        return explanation;
    }

}
