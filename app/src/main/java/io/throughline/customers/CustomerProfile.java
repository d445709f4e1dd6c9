package io.throughline.customers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer as every channel sees her. Email is lower case and the phone number is in E.164 form; each contact
 * point carries where it came from and whether it is verified.
 */
public record CustomerProfile(UUID id, @Nullable String givenName, @Nullable String familyName,
        @Nullable String email, @Nullable String phone, Instant createdAt, Instant updatedAt,
        ContactProvenance emailProvenance, ContactProvenance phoneProvenance) {

    /** Whether the profile has an email address that staff or the brand's own systems stated. */
    public boolean hasVerifiedEmail() {
        return email != null && emailProvenance.verified();
    }

    /** Whether the profile has a phone number that staff or the brand's own systems stated. */
    public boolean hasVerifiedPhone() {
        return phone != null && phoneProvenance.verified();
    }

    /** "Given Family", or whichever part is known, or the email, for lists and headings. */
    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : "Unnamed customer";
    }
}
