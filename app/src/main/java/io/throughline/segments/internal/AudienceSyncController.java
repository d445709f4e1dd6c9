package io.throughline.segments.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A segment's audience sync: where its entries and exits are sent (a signed webhook, as advertising platforms
 * take audience changes), and the delivery log. The secret is shown once, when the sync is saved.
 */
@RestController
@RequestMapping("/api/segments/{key}/sync")
@Tag(name = "Segments", description = "Segment definitions, size previews, members, explanations and counts")
class AudienceSyncController {

    /** Where to send, and whether identifiers go as SHA-256. */
    record SyncRequest(@NotBlank String url, boolean hashed) {}

    /** The sync; {@code secret} only in the answer to a save. */
    record SyncView(String url, boolean hashed, @Nullable String secret, Instant updatedAt) {}

    /** One entry or exit and how sending it went. */
    record DeliveryView(UUID id, UUID profileId, String change, Instant changedAt, String state, int attempts,
            @Nullable Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
            @Nullable Instant deliveredAt) {}

    private final AudienceSync syncs;
    private final AccessAudit audit;

    AudienceSyncController(AudienceSync syncs, AccessAudit audit) {
        this.syncs = syncs;
        this.audit = audit;
    }

    @PutMapping
    @PreAuthorize(StaffPermission.Rules.EXPORT_AUDIENCES)
    @Operation(summary = "Sends the segment's entries and exits from now on to the URL, signed with a new secret"
            + " (HMAC-SHA256 in Throughline-Signature: t=<seconds>,v1=<hex of \"<t>.<body>\">), shown only here")
    SyncView save(@PathVariable String key, @Valid @RequestBody SyncRequest request) {
        AudienceSync.Configured configured = syncs.configure(key, request.url(), request.hashed());
        return new SyncView(configured.sync().url(), configured.sync().hashed(), configured.secret(),
                configured.sync().updatedAt());
    }

    @GetMapping
    @PreAuthorize(StaffPermission.Rules.EXPORT_AUDIENCES)
    @Operation(summary = "Where the segment's changes are sent")
    SyncView get(@PathVariable String key) {
        AudienceSyncStore.Sync sync = syncs.find(key).orElseThrow(() -> new NotFoundException("audience sync", key));
        return new SyncView(sync.url(), sync.hashed(), null, sync.updatedAt());
    }

    @GetMapping("/deliveries")
    @PreAuthorize(StaffPermission.Rules.EXPORT_AUDIENCES)
    @Operation(summary = "The delivery log: the latest 100 entries and exits with their attempts")
    List<DeliveryView> deliveries(@PathVariable String key, Authentication staff) {
        List<DeliveryView> log = syncs.deliveries(key, 100).stream().map(delivery -> new DeliveryView(delivery.id(),
                delivery.profileId(), delivery.change().name(), delivery.changedAt(), delivery.state().name(),
                delivery.attempts(), delivery.state() == AudienceSyncStore.State.PENDING ? delivery.nextAttemptAt() : null,
                delivery.lastStatus(), delivery.lastError(), delivery.deliveredAt())).toList();
        if (!log.isEmpty()) {
            audit.record(CurrentStaff.id(staff), log.stream().map(DeliveryView::profileId).distinct().toList(),
                    "segment-sync-deliveries");
        }
        return log;
    }

    @DeleteMapping
    @PreAuthorize(StaffPermission.Rules.EXPORT_AUDIENCES)
    @Operation(summary = "Stops sending; changes not sent yet are dropped, the delivery log stays")
    ResponseEntity<Void> remove(@PathVariable String key) {
        syncs.remove(key);
        return ResponseEntity.noContent().build();
    }
}
