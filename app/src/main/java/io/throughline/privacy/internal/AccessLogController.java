package io.throughline.privacy.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.InvalidRequestException;
import io.throughline.privacy.AccessAudit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read a customer's personal data, and when: administrators only. */
@RestController
@Tag(name = "Privacy")
class AccessLogController {

    private final AccessAudit audit;

    AccessLogController(AccessAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/privacy/access-log")
    @PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
    List<AccessAudit.Access> accessLog(@RequestParam UUID profileId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return audit.forProfile(profileId, limit);
    }
}
