package io.throughline.privacy.internal.preferences;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Privacy settings that change while the platform runs: whether email consent needs confirming by mail. */
@RestController
@RequestMapping("/api/privacy/settings")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
@Tag(name = "Privacy")
class PrivacySettingsController {

    record Settings(@NotNull @Nullable Boolean emailDoubleOptIn) {}

    private final ConsentProofs store;

    PrivacySettingsController(ConsentProofs store) {
        this.store = store;
    }

    @GetMapping
    Settings get() {
        return new Settings(store.doubleOptIn());
    }

    @PatchMapping
    @Operation(summary = "Turn double opt-in for email on or off: with it on, email marketing ticked in the "
            + "preference centre is granted only once the customer confirms it from her mailbox")
    Settings change(@Valid @RequestBody Settings settings) {
        store.doubleOptIn(Boolean.TRUE.equals(settings.emailDoubleOptIn()));
        return get();
    }
}
