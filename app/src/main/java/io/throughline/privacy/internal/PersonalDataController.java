package io.throughline.privacy.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.ErasureReceipt;
import io.throughline.privacy.PersonalData;
import io.throughline.privacy.Suppressions;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure, export, receipt checks and lifting a suppression, for administrators. Every erasure and export is
 * recorded in the access log under the staff member who asked.
 */
@RestController
@Tag(name = "Privacy")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
class PersonalDataController {

    /** A lift request: the identifier as identity resolution stores it (email in lower case, phone in E.164). */
    record Lift(@Nullable String type, @Nullable String value) {}

    private static final List<String> LIFTABLE = List.of("email", "phone", "user_id", "anonymous_id", "device_id",
            "loyalty_card", "pos_customer_id");

    private final PersonalData personalData;
    private final Suppressions suppressions;
    private final AccessAudit audit;

    PersonalDataController(PersonalData personalData, Suppressions suppressions, AccessAudit audit) {
        this.personalData = personalData;
        this.suppressions = suppressions;
        this.audit = audit;
    }

    @DeleteMapping("/api/privacy/customers/{profileId}")
    ErasureReceipt erase(@PathVariable UUID profileId, @RequestParam(required = false) @Nullable String requestReference,
            Authentication authentication) {
        String reference = requestReference == null ? "" : requestReference.strip();
        if (reference.isEmpty() || reference.length() > 200 || reference.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("requestReference",
                    "the data-subject request this erasure answers: 1 to 200 characters, no control characters");
        }
        ErasureReceipt receipt = personalData.erase(profileId, reference);
        audit.record(CurrentStaff.id(authentication), receipt.erasedProfileIds(), "privacy:erase");
        return receipt;
    }

    @GetMapping("/api/privacy/customers/{profileId}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID profileId, Authentication authentication) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        personalData.export(profileId, zip);
        audit.record(CurrentStaff.id(authentication), List.of(profileId), "privacy:export");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("personal-data-" + profileId + ".zip").build().toString())
                .body(zip.toByteArray());
    }

    @PostMapping("/api/privacy/receipts/verify")
    Map<String, Boolean> verify(@RequestBody ErasureReceipt receipt) {
        return Map.of("valid", personalData.verify(receipt));
    }

    /** She came back and consented: her identifier may join a profile again. */
    @PostMapping("/api/privacy/suppressions/lift")
    Map<String, Boolean> lift(@RequestBody Lift lift) {
        if (lift.type() == null || !LIFTABLE.contains(lift.type())) {
            throw new InvalidRequestException("type", "one of " + String.join(", ", LIFTABLE));
        }
        if (lift.value() == null || lift.value().isBlank() || lift.value().length() > 200) {
            throw new InvalidRequestException("value", "the identifier, 1 to 200 characters");
        }
        String value = lift.type().equals("email") ? lift.value().strip().toLowerCase(Locale.ROOT) : lift.value().strip();
        return Map.of("lifted", suppressions.lift(lift.type(), value));
    }
}
