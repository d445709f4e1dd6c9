package io.throughline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.throughline.platform.InvalidRequestException;

/**
 * A Global Trade Item Number (the barcode: EAN-8, UPC-A, EAN-13 or GTIN-14), 8, 12, 13 or 14 digits whose last
 * digit is the GS1 check digit of the others. Spaces and dashes typed between the digits are dropped.
 */
public record Gtin(String value) {

    public Gtin {
        if (value == null) {
            throw new InvalidRequestException("gtin", "must not be null");
        }
        value = value.replace(" ", "").replace("-", "");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidRequestException("gtin", problem);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Gtin of(String value) {
        return new Gtin(value);
    }

    /** Why the digits are not a GTIN, or null when they are one. */
    public static @org.jspecify.annotations.Nullable String problemWith(String digits) {
        int length = digits.length();
        if ((length != 8 && length != 12 && length != 13 && length != 14) || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must be 8, 12, 13 or 14 digits";
        }
        int expected = checkDigit(digits.substring(0, length - 1));
        if (digits.charAt(length - 1) - '0' != expected) {
            return "has a wrong check digit (expected " + expected + ")";
        }
        return null;
    }

    /** The GS1 check digit: weights 3 and 1 alternate from the rightmost digit of the payload. */
    static int checkDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
