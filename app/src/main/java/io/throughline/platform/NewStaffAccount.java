package io.throughline.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to open a staff account. Passwords of at least 12 characters, per NIST SP 800-63B. The shop
 * and the time zone are optional.
 */
public record NewStaffAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull StaffRole role,
        @NotNull @Size(min = 12, max = 72) String password,
        @Nullable UUID shopId,
        @Nullable ZoneId timeZone) {

    /** An account without a shop, reading times in the brand's zone. */
    public NewStaffAccount(String email, String displayName, StaffRole role, String password) {
        this(email, displayName, role, password, null, null);
    }

    @Override
    public String toString() {
        return "NewStaffAccount[email=" + email + ", role=" + role + "]";
    }
}
