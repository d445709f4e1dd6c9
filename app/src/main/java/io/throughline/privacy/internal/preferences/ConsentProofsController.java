package io.throughline.privacy.internal.preferences;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.privacy.AccessAudit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The proof of each consent change a customer made herself, for administrators answering a regulator or her. */
@RestController
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
@Tag(name = "Privacy")
class ConsentProofsController {

    private final ConsentProofs proofs;
    private final AccessAudit audit;

    ConsentProofsController(ConsentProofs proofs, AccessAudit audit) {
        this.proofs = proofs;
        this.audit = audit;
    }

    @GetMapping("/api/privacy/consent-proofs")
    @Operation(summary = "Every consent change the customer made in her preference centre, oldest first: what, "
            + "the wording version and language she saw, the source and the time")
    List<ConsentProofs.Proof> proofs(@RequestParam UUID profileId, Authentication staff) {
        audit.record(CurrentStaff.id(staff), List.of(profileId), "consent-proofs");
        return proofs.of(profileId);
    }
}
