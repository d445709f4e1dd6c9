package io.throughline.platform.internal.security;

import io.throughline.platform.StaffPermission;
import io.throughline.platform.ApiTokenSummary;
import io.throughline.platform.IssuedApiToken;
import io.throughline.platform.NewStaffAccount;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffAssignment;
import io.throughline.platform.StaffRole;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts and their API tokens: administrators only, apart from "who am I". */
@RestController
@RequestMapping("/api")
@Tag(name = "Staff", description = "Staff accounts, roles and API tokens")
class StaffController {

    record StaffChange(@Nullable @Size(min = 1, max = 100) String displayName, @Nullable StaffRole role,
            @Nullable Boolean enabled, @Nullable @Size(min = 12, max = 72) String password) {
        @Override
        public String toString() {
            return "StaffChange[role=" + role + ", enabled=" + enabled + "]";
        }
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name) {}

    private final StaffAccounts staffAccounts;

    StaffController(StaffAccounts staffAccounts) {
        this.staffAccounts = staffAccounts;
    }

    @GetMapping("/me")
    StaffAccount me(@AuthenticationPrincipal StaffUser user) {
        return staffAccounts.get(user.staffId());
    }

    @GetMapping("/staff")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    Page<StaffAccount> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return staffAccounts.list(new PageRequest(page, size));
    }

    @PostMapping("/staff")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    ResponseEntity<StaffAccount> create(@Valid @RequestBody NewStaffAccount account) {
        StaffAccount created = staffAccounts.create(account);
        return ResponseEntity.created(URI.create("/api/staff/" + created.id())).body(created);
    }

    @GetMapping("/staff/{id}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    StaffAccount get(@PathVariable UUID id) {
        return staffAccounts.get(id);
    }

    @PatchMapping("/staff/{id}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    StaffAccount update(@PathVariable UUID id, @Valid @RequestBody StaffChange change) {
        return staffAccounts.update(id, change.displayName(), change.role(), change.enabled(), change.password());
    }

    /** Name, role, shop and time zone as given: a shop or zone left out is cleared. */
    @PutMapping("/staff/{id}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    StaffAccount assign(@PathVariable UUID id, @Valid @RequestBody StaffAssignment assignment) {
        return staffAccounts.assign(id, assignment);
    }

    @GetMapping("/staff/{id}/tokens")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    List<ApiTokenSummary> tokens(@PathVariable UUID id) {
        return staffAccounts.tokens(id);
    }

    @PostMapping("/staff/{id}/tokens")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiToken issueToken(@PathVariable UUID id, @Valid @RequestBody TokenRequest request) {
        return staffAccounts.issueToken(id, request.name());
    }

    @DeleteMapping("/staff/{id}/tokens/{tokenId}")
    @PreAuthorize(StaffPermission.Rules.MANAGE_STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
        staffAccounts.revokeToken(id, tokenId);
    }
}
