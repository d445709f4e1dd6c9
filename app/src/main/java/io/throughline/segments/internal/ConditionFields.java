package io.throughline.segments.internal;

import static io.throughline.platform.JsonFields.problem;
import static io.throughline.platform.JsonFields.required;
import static io.throughline.platform.JsonFields.text;

import io.throughline.segments.internal.Condition.Comparison;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The fields conditions share, each read and checked the same way wherever it appears (a window, a channel, a
 * comparison, a number), so a refusal names the JSON path at fault in the same words for every condition type.
 */
final class ConditionFields {

    private static final Pattern WINDOW = Pattern.compile("([0-9]{1,6})([mhd])");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ConditionFields() {}

    static Comparison comparison(JsonNode json, String path) {
        String op = text(json, path, "op");
        try {
            return Comparison.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw problem(path + ".op", "must be one of eq, ne, gt, gte, lt, lte");
        }
    }

    static Duration window(JsonNode json, String path) {
        String text = text(json, path, "within");
        Matcher matcher = WINDOW.matcher(text);
        if (!matcher.matches()) {
            throw problem(path + ".within", "must be a window such as 30d, 12h or 90m");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration window = switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (window.isZero()) {
            throw problem(path + ".within", "must be longer than zero");
        }
        if (window.compareTo(DefinitionParser.LONGEST_WINDOW) > 0) {
            throw problem(path + ".within", "must be at most 366d");
        }
        return window;
    }

    static String eventName(JsonNode json, String path) {
        String event = text(json, path, "event");
        if (event.isBlank() || event.length() > 200) {
            throw problem(path + ".event", "must be an event name of 1 to 200 characters");
        }
        if (event.equals(SegmentEvents.ENTERED) || event.equals(SegmentEvents.EXITED)) {
            // A segment counting its own entries could flip itself on every evaluation.
            throw problem(path + ".event", "may not be a segment's own event; use a segment condition");
        }
        return event;
    }

    static String channel(JsonNode json, String path) {
        String channel = text(json, path, "channel");
        if (!CHANNEL.matcher(channel).matches()) {
            throw problem(path + ".channel", "must be a channel key such as app or shop-debrecen");
        }
        return channel;
    }

    static String propertyName(JsonNode json, String path, String field) {
        String name = text(json, path, field);
        if (name.isBlank() || name.length() > 100) {
            throw problem(path + "." + field, "must be a name of 1 to 100 characters");
        }
        return name;
    }

    static int years(JsonNode json, String path, String field) {
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 150) {
            throw problem(path + "." + field, "must be a whole number of years from 0 to 150");
        }
        return value.asInt();
    }

    static BigDecimal number(JsonNode json, String path, String field) {
        JsonNode value = required(json, path, field);
        if (!value.isNumber()) {
            throw problem(path + "." + field, "must be a number");
        }
        BigDecimal number = value.decimalValue();
        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw problem(path + "." + field, "is out of range");
        }
        return number;
    }

    static void object(JsonNode json, String path, Set<String> fields) {
        if (!json.isObject()) {
            throw problem(path, "must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!fields.contains(field.getKey())) {
                throw problem(path + "." + field.getKey(), "is not a field here (expected "
                        + String.join(", ", new TreeSet<>(fields)) + ")");
            }
        }
    }
}
