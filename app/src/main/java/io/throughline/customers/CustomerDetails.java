package io.throughline.customers;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What staff or a channel states about a customer. At least one of the fields is needed; the phone number
 * may be written in any usual national or international form.
 */
public record CustomerDetails(
        @Nullable @Size(max = 100) String givenName,
        @Nullable @Size(max = 100) String familyName,
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Size(max = 40) @PhoneNumber String phone) {

    @AssertTrue(message = "must give at least a name, an email or a phone number")
    public boolean isIdentifiable() {
        return hasText(givenName) || hasText(familyName) || hasText(email) || hasText(phone);
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
