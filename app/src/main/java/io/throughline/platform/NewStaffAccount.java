package io.throughline.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to open a staff account. Passwords of at least 12 characters, per NIST SP 800-63B. */
public record NewStaffAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull StaffRole role,
        @NotNull @Size(min = 12, max = 72) String password) {

    @Override
    public String toString() {
        return "NewStaffAccount[email=" + email + ", role=" + role + "]";
    }
}
