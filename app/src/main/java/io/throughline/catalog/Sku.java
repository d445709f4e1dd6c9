package io.throughline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.throughline.platform.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A stock-keeping unit: the code that names one sellable variant everywhere — catalogue, stock, prices,
 * carts, orders. Upper-case letters, digits, dashes, dots and underscores, 1 to 64 characters, starting
 * with a letter or digit; lower-case input is accepted and upper-cased, so a till and a web shop that
 * differ only in case mean the same variant.
 */
public record Sku(String value) {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Sku {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidRequestException("sku",
                    "must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit");
        }
        value = value.toUpperCase(java.util.Locale.ROOT);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Sku of(String value) {
        return new Sku(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
