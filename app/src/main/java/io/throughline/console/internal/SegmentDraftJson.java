package io.throughline.console.internal;

import io.throughline.console.internal.SegmentDraft.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The builder's draft as the API's JSON definition and back. Going out, it notes the JSON path of every row, so
 * that the server's refusal ({@code $.condition.conditions[1].count.value}) is shown at the row and field it
 * names. What was typed goes out as typed: a number field holding letters becomes text, which the server
 * refuses at that field, rather than being dropped here.
 */
final class SegmentDraftJson {

    /** The definition, and where each row of the draft sits in it. */
    record Built(JsonNode definition, Map<String, String> paths) {}

    /** Where a problem belongs: a field of the segment ({@code name}), a row, or a field of a row. */
    record Place(@Nullable String rowId, @Nullable String field) {}

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([mhd])");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private SegmentDraftJson() {}

    static Built toJson(SegmentDraft draft, JsonMapper json) {
        ObjectNode definition = json.createObjectNode();
        definition.put("key", draft.key());
        definition.put("name", draft.name());
        if (!draft.description().isBlank()) {
            definition.put("description", draft.description());
        }
        Map<String, String> paths = new LinkedHashMap<>();
        definition.set("condition", condition(draft, draft.root(), "$.condition", paths, json));
        return new Built(definition, paths);
    }

    private static JsonNode condition(SegmentDraft draft, Row row, String path, Map<String, String> paths,
            JsonMapper json) {
        paths.put(row.id(), path);
        ObjectNode node = json.createObjectNode();
        if (row.group()) {
            String into = row.type().equals("none") ? path + ".condition" : path;
            ArrayNode conditions = json.createArrayNode();
            List<Row> children = draft.childrenOf(row.id());
            for (int i = 0; i < children.size(); i++) {
                conditions.add(condition(draft, children.get(i), into + ".conditions[" + i + "]", paths, json));
            }
            ObjectNode group = json.createObjectNode();
            group.put("type", row.type().equals("none") ? "any" : row.type());
            group.set("conditions", conditions);
            if (!row.type().equals("none")) {
                return group;
            }
            node.put("type", "not");
            node.set("condition", group);
            return node;
        }
        if (row.type().equals(SegmentDraft.RAW)) {
            try {
                return json.readTree(row.value("json"));
            } catch (JacksonException unreadable) {
                node.put("type", "raw");
                return node;
            }
        }
        node.put("type", row.type());
        switch (row.type()) {
            case "events" -> {
                text(node, "event", row.value("event"));
                text(node, "channel", row.value("channel"));
                if (!row.value("whereProperty").isBlank()) {
                    ObjectNode filter = json.createObjectNode();
                    filter.put("property", row.value("whereProperty"));
                    filter.put("op", row.value("whereOp"));
                    if (!row.value("whereOp").equals("exists")) {
                        typed(filter, "value", row.value("whereValue"));
                    }
                    node.set("where", json.createArrayNode().add(filter));
                }
                window(node, row);
                ObjectNode measure = json.createObjectNode();
                if (row.value("measure").equals("sum")) {
                    text(measure, "property", row.value("sumProperty"));
                }
                measure.put("op", row.value("op"));
                number(measure, "value", row.value("value"));
                node.set(row.value("measure").equals("sum") ? "sum" : "count", measure);
            }
            case "rfm" -> {
                node.put("score", row.value("score"));
                node.put("op", row.value("op"));
                number(node, "value", row.value("value"));
                if (row.value("score").equals("monetary")) {
                    text(node, "currency", row.value("currency"));
                }
                if (!row.value("bands").isBlank()) {
                    ArrayNode bands = json.createArrayNode();
                    for (String band : row.value("bands").split(",")) {
                        addNumber(bands, band.strip());
                    }
                    node.set("bands", bands);
                }
            }
            case "place" -> {
                node.put("field", row.value("field"));
                ArrayNode values = json.createArrayNode();
                for (String value : row.value("values").split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
                node.set("values", values);
            }
            case "trait" -> {
                text(node, "trait", row.value("trait"));
                node.put("op", row.value("op"));
                if (!row.value("op").equals("exists")) {
                    typed(node, "value", row.value("value"));
                }
            }
            default -> {
                for (SegmentDraft.Field field : row.fields()) {
                    switch (field.input()) {
                        case WITHIN -> window(node, row);
                        case NUMBER -> number(node, field.name(), row.value(field.name()));
                        default -> text(node, field.name(), row.value(field.name()));
                    }
                }
            }
        }
        return node;
    }

    /**
     * Where the server's JSON path puts its problem: {@code $.name} at the name, a path inside a row's condition
     * at that row, and at its field when the path ends on one ({@code …count.value} at "value", {@code …where[0].op}
     * at "whereOp", {@code …within} at the window).
     */
    static Place place(String path, Map<String, String> paths, SegmentDraft draft) {
        switch (path) {
            case "$.key", "$.name", "$.description" -> {
                return new Place(null, path.substring(2));
            }
            default -> { }
        }
        String bestRow = null;
        String bestPath = "";
        for (Map.Entry<String, String> row : paths.entrySet()) {
            String at = row.getValue();
            boolean inside = path.equals(at) || path.startsWith(at + ".") || path.startsWith(at + "[");
            if (inside && at.length() > bestPath.length()) {
                bestRow = row.getKey();
                bestPath = at;
            }
        }
        if (bestRow == null) {
            return new Place(null, null);
        }
        String rest = path.substring(bestPath.length()).replaceFirst("^\\.", "");
        String last = rest.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        boolean where = rest.startsWith("where");
        String field = switch (last) {
            case "within" -> "withinAmount";
            case "property" -> where ? "whereProperty" : "sumProperty";
            case "op" -> where ? "whereOp" : "op";
            case "value" -> where ? "whereValue" : "value";
            case "where" -> "whereProperty";
            case "count", "sum" -> "value";
            default -> last;
        };
        String rowId = bestRow;
        Row row = draft.rows().stream().filter(candidate -> candidate.id().equals(rowId)).findFirst().orElse(null);
        return new Place(rowId, row != null && SegmentDraft.hasField(row, field) ? field : null);
    }

    /** A saved definition in rows; what the form cannot show becomes a raw row. */
    static SegmentDraft of(JsonNode definition) {
        List<Row> rows = new ArrayList<>();
        int[] next = {0};
        read(definition.path("condition"), SegmentDraft.ROOT, "", rows, next, true);
        return new SegmentDraft(definition.path("key").asString(""), definition.path("name").asString(""),
                definition.path("description").asString(""), rows);
    }

    private static void read(JsonNode node, String id, String parent, List<Row> rows, int[] next, boolean root) {
        String type = node.path("type").asString("");
        JsonNode inner = node.path("condition");
        boolean none = type.equals("not") && inner.path("type").asString("").equals("any");
        if (type.equals("all") || type.equals("any") || none) {
            rows.add(new Row(id, parent, none ? "none" : type, Map.of()));
            for (JsonNode child : (none ? inner : node).path("conditions")) {
                read(child, SegmentDraft.ROOT + (++next[0]), id, rows, next, false);
            }
            return;
        }
        if (root) {
            // The builder's root is a group: a lone condition sits in an "all".
            rows.add(new Row(id, parent, "all", Map.of()));
            read(node, SegmentDraft.ROOT + (++next[0]), id, rows, next, false);
            return;
        }
        Map<String, String> values = fields(node, type);
        rows.add(values == null ? new Row(id, parent, SegmentDraft.RAW, Map.of("json", node.toString()))
                : new Row(id, parent, type, values));
    }

    /** The form's values of a condition, or null when the form cannot show all of it. */
    private static @Nullable Map<String, String> fields(JsonNode node, String type) {
        if (!SegmentDraft.FIELDS.containsKey(type)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (type.equals("events")) {
            JsonNode where = node.path("where");
            if (where.size() > 1) {
                return null;
            }
            JsonNode filter = where.path(0);
            put(values, "whereProperty", filter.path("property"));
            values.put("whereOp", filter.path("op").asString("eq"));
            put(values, "whereValue", filter.path("value"));
            JsonNode measure = node.has("sum") ? node.path("sum") : node.path("count");
            values.put("measure", node.has("sum") ? "sum" : "count");
            put(values, "sumProperty", measure.path("property"));
            put(values, "op", measure.path("op"));
            put(values, "value", measure.path("value"));
        }
        for (SegmentDraft.Field field : SegmentDraft.FIELDS.get(type)) {
            JsonNode value = node.path(field.name());
            if (field.input() == SegmentDraft.Input.WITHIN) {
                Matcher window = WINDOW.matcher(value.asString(""));
                values.put("withinAmount", window.matches() ? window.group(1) : "");
                values.put("withinUnit", window.matches() ? window.group(2) : "d");
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.isString() ? item.asString() : item.toString()));
                values.put(field.name(), String.join(", ", items));
            } else if (!values.containsKey(field.name())) {
                put(values, field.name(), value);
            }
        }
        return values;
    }

    private static void put(Map<String, String> values, String field, JsonNode value) {
        values.put(field, value.isMissingNode() || value.isNull() ? "" : value.isString() ? value.asString()
                : value.toString());
    }

    private static void window(ObjectNode node, Row row) {
        if (!row.value("withinAmount").isBlank()) {
            node.put("within", row.value("withinAmount").strip() + row.value("withinUnit"));
        }
    }

    private static void text(ObjectNode node, String field, String value) {
        if (!value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static void number(ObjectNode node, String field, String value) {
        if (value.isBlank()) {
            return;
        }
        JsonNode parsed = numberOrText(value.strip());
        node.set(field, parsed.isString() ? JsonNodeFactory.instance.stringNode(value) : parsed);
    }

    private static void addNumber(ArrayNode array, String value) {
        array.add(numberOrText(value));
    }

    /** A whole number as one (the server asks for whole years, scores and counts), a decimal as one, else text. */
    private static JsonNode numberOrText(String value) {
        if (WHOLE.matcher(value).matches()) {
            long whole = Long.parseLong(value);
            return whole == (int) whole ? JsonNodeFactory.instance.numberNode((int) whole)
                    : JsonNodeFactory.instance.numberNode(whole);
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            return JsonNodeFactory.instance.stringNode(value);
        }
    }

    /** A filter's value: a number or true/false when it reads as one, text otherwise. */
    private static void typed(ObjectNode node, String field, String value) {
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            node.put(field, Boolean.parseBoolean(stripped));
            return;
        }
        JsonNode parsed = numberOrText(stripped);
        node.set(field, parsed.isString() ? JsonNodeFactory.instance.stringNode(value) : parsed);
    }
}
