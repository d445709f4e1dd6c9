package io.throughline.messaging.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.MessageDecision;
import io.throughline.messaging.MessageDecisions;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Keyset;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's channel decisions: what became of each dispatch to her, and why. */
@RestController
@Tag(name = "Messaging", description = "Messages with a variant per channel, previews and sends")
class DecisionsController {

    private final MessageDecisions decisions;
    private final CustomerProfiles profiles;
    private final AccessAudit audit;

    DecisionsController(MessageDecisions decisions, CustomerProfiles profiles, AccessAudit audit) {
        this.decisions = decisions;
        this.profiles = profiles;
        this.audit = audit;
    }

    @GetMapping("/api/customers/{profileId}/message-decisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER', 'AGENT')")
    @Operation(summary = "The customer's channel decisions with their reasons, newest first; the next page starts"
            + " after the answer's cursor")
    Keyset.Slice<MessageDecision> forProfile(Authentication staff, @PathVariable UUID profileId,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        UUID live = profiles.get(profileId).id();
        Keyset.Slice<MessageDecision> found = decisions.forProfile(live,
                after == null ? null : Keyset.Cursor.parse("after", after), size);
        audit.record(CurrentStaff.id(staff), List.of(live), "message decisions");
        return found;
    }
}
