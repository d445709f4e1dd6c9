package io.throughline.service.internal;

import io.throughline.platform.InvalidRequestException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of canned answers: {@code {{name}}} or {@code {{name|fallback}}}, filled with plain values,
 * never evaluated. A detail the customer has not given becomes the fallback (or nothing), so an answer never
 * shows a raw placeholder to her.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*(?:\\|([^}]*))?}}");

    private Placeholders() {}

    /** Refuses a body naming a placeholder outside {@code known}, as the field {@code field}. */
    static void check(String body, Collection<String> known, String field) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                throw new InvalidRequestException(field, "{{" + matcher.group(1) + "}} is not a placeholder; use "
                        + String.join(", ", known.stream().map(name -> "{{" + name + "}}").toList()));
            }
        }
    }

    static String fill(String body, Map<String, @Nullable String> values) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                value = matcher.group(2) == null ? "" : matcher.group(2).strip();
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
