package io.throughline.customers.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.throughline.platform.InvalidRequestException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How contact details are stored, so that each channel finds the same customer by them: emails trimmed and
 * lower-cased, phone numbers in E.164 ({@code +36201234567}), national numbers read in the brand's region.
 */
final class ContactPolicy {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    ContactPolicy(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    @Nullable String email(@Nullable String email) {
        return blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    @Nullable String phone(@Nullable String phone) {
        if (blankToNull(phone) == null) {
            return null;
        }
        try {
            var parsed = PHONES.parse(phone, defaultRegion);
            if (!PHONES.isValidNumber(parsed)) {
                throw new InvalidRequestException("phone", "is not a valid phone number");
            }
            return PHONES.format(parsed, PhoneNumberFormat.E164);
        } catch (NumberParseException unparseable) {
            throw new InvalidRequestException("phone", "is not a phone number");
        }
    }

    /** The phone number in E.164, or null when it is not a valid number. */
    @Nullable String phoneOrNull(String phone) {
        try {
            var parsed = PHONES.parse(phone, defaultRegion);
            return PHONES.isValidNumber(parsed) ? PHONES.format(parsed, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException unparseable) {
            return null;
        }
    }

    /** A search query that looks like a phone number, in E.164 without the plus, or null. */
    @Nullable String phoneDigits(String query) {
        String compact = query.replaceAll("[\\s()./-]", "");
        if (!compact.matches("\\+?\\d{4,15}")) {
            return null;
        }
        try {
            var parsed = PHONES.parse(compact, defaultRegion);
            if (PHONES.isValidNumber(parsed)) {
                return PHONES.format(parsed, PhoneNumberFormat.E164).substring(1);
            }
        } catch (NumberParseException partial) {
            // A fragment of a number: match on the digits typed so far.
        }
        return compact.replace("+", "");
    }

    static @Nullable String name(@Nullable String name) {
        return blankToNull(name) == null ? null : name.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
