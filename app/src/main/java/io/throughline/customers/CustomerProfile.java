package io.throughline.customers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer as every channel sees her. Email is lower case and the phone number is in E.164 form. */
public record CustomerProfile(UUID id, @Nullable String givenName, @Nullable String familyName,
        @Nullable String email, @Nullable String phone, Instant createdAt, Instant updatedAt) {

    /** "Given Family", or whichever part is known, or the email, for lists and headings. */
    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : "Unnamed customer";
    }
}
