package io.throughline.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator sets on an existing account, all at once: a shop or time zone left empty is cleared.
 */
public record StaffAssignment(
        @NotBlank @Size(max = 100) String displayName,
        @NotNull StaffRole role,
        @Nullable UUID shopId,
        @Nullable ZoneId timeZone) {}
