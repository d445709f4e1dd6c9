package io.throughline.customers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/** Checks {@link PhoneNumber} with libphonenumber, reading national numbers in the configured region. */
class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, String> {

    private final String defaultRegion;

    PhoneNumberValidator(@Value("${throughline.customers.default-phone-region:HU}") String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        try {
            return phones.isValidNumber(phones.parse(value, defaultRegion));
        } catch (NumberParseException unparseable) {
            return false;
        }
    }
}
