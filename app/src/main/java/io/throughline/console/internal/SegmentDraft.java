package io.throughline.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A segment definition as the builder's form holds it: its key, name and description, and its conditions as rows.
 * Every row has an id and the id of the group it sits in; groups ({@code all}, {@code any}, {@code none}) hold
 * rows, so groups nest. The root is the group {@value #ROOT}. Each kind of condition has its fields
 * ({@link #FIELDS}); a condition the form cannot show travels along as JSON in a {@code raw} row, so the builder
 * never loses part of a definition. {@link SegmentDraftJson} turns it into the API's JSON and back.
 */
record SegmentDraft(String key, String name, String description, List<Row> rows) {

    static final String ROOT = "c";
    static final List<String> GROUPS = List.of("all", "any", "none");
    static final String RAW = "raw";
    static final int MOST_ROWS = 120;

    /** How a field is typed into: a line of text, a number, a choice, or a window (amount and unit). */
    enum Input {
        TEXT, NUMBER, SELECT, WITHIN
    }

    /** One field of a kind of condition, named as in the definition's JSON where it has one name there. */
    record Field(String name, Input input, List<String> options) {

        static Field text(String name) {
            return new Field(name, Input.TEXT, List.of());
        }

        static Field number(String name) {
            return new Field(name, Input.NUMBER, List.of());
        }

        static Field select(String name, String... options) {
            return new Field(name, Input.SELECT, List.of(options));
        }

        static Field within() {
            return new Field("within", Input.WITHIN, List.of("d", "h", "m"));
        }
    }

    private static final String[] COMPARISONS = {"gte", "gt", "eq", "ne", "lte", "lt"};
    private static final String[] FILTER_OPS = {"eq", "ne", "contains", "gt", "gte", "lt", "lte", "exists"};

    /** The kinds the form edits field by field, in the order the "add" list offers them, with their fields. */
    static final Map<String, List<Field>> FIELDS = kinds();

    private static Map<String, List<Field>> kinds() {
        Map<String, List<Field>> kinds = new LinkedHashMap<>();
        kinds.put("events", List.of(Field.text("event"), Field.text("channel"), Field.text("whereProperty"),
                Field.select("whereOp", FILTER_OPS), Field.text("whereValue"), Field.select("measure", "count", "sum"),
                Field.text("sumProperty"), Field.select("op", COMPARISONS), Field.number("value"), Field.within()));
        kinds.put("spend", List.of(Field.text("currency"), Field.select("op", COMPARISONS), Field.number("value"),
                Field.within()));
        kinds.put("channel_used", List.of(Field.text("channel"), Field.within()));
        kinds.put("rfm", List.of(Field.select("score", "recency", "frequency", "monetary"),
                Field.select("op", COMPARISONS), Field.number("value"), Field.text("currency"), Field.text("bands")));
        kinds.put("top_category", List.of(Field.text("category"), Field.number("top"), Field.within()));
        kinds.put("preferred_channel", List.of(Field.select("channel", "email", "sms", "push", "in_app", "task"),
                Field.within()));
        kinds.put("promotion_share", List.of(Field.select("op", COMPARISONS), Field.number("value"), Field.within()));
        kinds.put("open_case", List.of());
        kinds.put("trait", List.of(Field.text("trait"), Field.select("op", FILTER_OPS), Field.text("value")));
        kinds.put("age", List.of(Field.number("min"), Field.number("max")));
        kinds.put("birthday_this_month", List.of());
        kinds.put("place", List.of(Field.select("field", "country", "city", "postcode"), Field.text("values")));
        kinds.put("near_shop", List.of(Field.text("shop"), Field.number("km")));
        kinds.put("consent", List.of(Field.select("purpose", "marketing", "personalization", "analytics"),
                Field.select("channel", "email", "sms", "push", "in_app", "phone")));
        kinds.put("segment", List.of(Field.text("key")));
        return java.util.Collections.unmodifiableMap(kinds);
    }

    /**
     * One row: a group or a condition. {@code values} holds what was typed, by field name ({@code withinAmount}
     * and {@code withinUnit} for a window, {@code json} for a raw row).
     */
    record Row(String id, String parent, String type, Map<String, String> values) {

        Row {
            values = Map.copyOf(values);
        }

        public boolean group() {
            return GROUPS.contains(type);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public List<Field> fields() {
            return FIELDS.getOrDefault(type, List.of());
        }
    }

    SegmentDraft {
        rows = List.copyOf(rows);
    }

    static SegmentDraft blank() {
        return new SegmentDraft("", "", "", List.of(new Row(ROOT, "", "all", Map.of())));
    }

    /** Reads the posted form: {@code rows[0].id}, {@code rows[0].parent}, {@code rows[0].type}, its fields. */
    static SegmentDraft of(Map<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MOST_ROWS && form.containsKey("rows[" + i + "].id"); i++) {
            String at = "rows[" + i + "].";
            Map<String, String> values = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith(at) && !name.equals(at + "id") && !name.equals(at + "parent")
                        && !name.equals(at + "type")) {
                    values.put(name.substring(at.length()), value);
                }
            });
            rows.add(new Row(form.get(at + "id"), form.getOrDefault(at + "parent", ""),
                    form.getOrDefault(at + "type", "all"), values));
        }
        if (rows.stream().noneMatch(row -> row.id().equals(ROOT))) {
            rows.addFirst(new Row(ROOT, "", "all", Map.of()));
        }
        return new SegmentDraft(form.getOrDefault("key", "").strip(), form.getOrDefault("name", "").strip(),
                form.getOrDefault("description", "").strip(), rows);
    }

    public Row root() {
        return rows.stream().filter(row -> row.id().equals(ROOT)).findFirst().orElseThrow();
    }

    public List<Row> childrenOf(String groupId) {
        return rows.stream().filter(row -> row.parent().equals(groupId)).toList();
    }

    /** Where the row's fields sit in the posted form. */
    public int indexOf(Row row) {
        return rows.indexOf(row);
    }

    /** A new row of the kind (a condition or a group) at the end of the group. */
    SegmentDraft adding(String groupId, String kind) {
        boolean known = FIELDS.containsKey(kind) || GROUPS.contains(kind);
        boolean isGroup = rows.stream().anyMatch(row -> row.id().equals(groupId) && row.group());
        if (!known || !isGroup || rows.size() >= MOST_ROWS) {
            return this;
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(new Row(nextId(), groupId, kind, defaults(kind)));
        return new SegmentDraft(key, name, description, more);
    }

    /** The row goes, and with a group everything in it; the root stays. */
    SegmentDraft removing(String rowId) {
        if (rowId.equals(ROOT)) {
            return this;
        }
        List<String> gone = new ArrayList<>(List.of(rowId));
        for (int i = 0; i < gone.size(); i++) {
            String id = gone.get(i);
            rows.stream().filter(row -> row.parent().equals(id)).forEach(row -> gone.add(row.id()));
        }
        return new SegmentDraft(key, name, description,
                rows.stream().filter(row -> !gone.contains(row.id())).toList());
    }

    /** A row whose kind was changed keeps only the values its new kind has fields for. */
    SegmentDraft tidied() {
        return new SegmentDraft(key, name, description, rows.stream().map(row -> {
            if (row.group() || row.type().equals(RAW)) {
                return new Row(row.id(), row.parent(), row.type(), row.group() ? Map.of() : row.values());
            }
            Map<String, String> kept = new LinkedHashMap<>(defaults(row.type()));
            row.values().forEach((field, value) -> {
                if (kept.containsKey(field) || row.fields().stream().anyMatch(f -> f.name().equals(field))) {
                    kept.put(field, value);
                }
            });
            return new Row(row.id(), row.parent(), row.type(), kept);
        }).toList());
    }

    private String nextId() {
        int most = 0;
        for (Row row : rows) {
            try {
                most = Math.max(most, Integer.parseInt(row.id().substring(ROOT.length())));
            } catch (NumberFormatException | IndexOutOfBoundsException notOurs) {
                // The root, or an id the form did not make.
            }
        }
        return ROOT + (most + 1);
    }

    /** What a new row of the kind starts with: the choices most conditions want, a window of 30 days. */
    static Map<String, String> defaults(String kind) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : FIELDS.getOrDefault(kind, List.of())) {
            switch (field.input()) {
                case SELECT -> values.put(field.name(), field.options().getFirst());
                case WITHIN -> {
                    values.put("withinAmount", "30");
                    values.put("withinUnit", "d");
                }
                default -> values.put(field.name(), "");
            }
        }
        return values;
    }

    /** Whether a field name is one of the row's, for placing a problem at it. */
    static boolean hasField(Row row, @Nullable String field) {
        return field != null && (row.fields().stream().anyMatch(f -> f.name().equals(field)
                || f.input() == Input.WITHIN && field.equals("withinAmount")));
    }
}
