package io.throughline.console.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message's variants as the edit form carries them, one row per variant of any channel, with its A/B key:
 * {@code v0.channel}, {@code v0.key}, {@code v0.subject}, … The rows turn into the module's variants and back, and
 * each problem is named by its row's field so that the form shows it there.
 */
final class MessageVariantRows {

    static final int MAX_ROWS = 25;
    private static final String KEY = "[a-z0-9][a-z0-9-]{0,19}";

    /** One variant as typed; its fields in the order the channel has them. */
    record Row(MessageChannel channel, String key, Map<String, String> fields) {

        /** Every content field empty: the marketer took the variant out. */
        public boolean blank() {
            return fields.values().stream().allMatch(String::isBlank);
        }

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }

        /** The form's name of a field of this row, e.g. {@code v2.subject}. */
        static String name(int row, String field) {
            return "v" + row + "." + field;
        }
    }

    private MessageVariantRows() {}

    /** The fields a channel's variant has, in the order the form shows them. */
    static List<String> fieldsOf(MessageChannel channel) {
        return switch (channel) {
            case EMAIL -> List.of("subject", "html", "text");
            case SMS -> List.of("text");
            case PUSH, IN_APP -> List.of("title", "body", "link");
            case TASK -> List.of("title", "body");
        };
    }

    static List<Row> of(List<Variant> variants) {
        return variants.stream().map(variant -> new Row(variant.channel(), variant.key(),
                new LinkedHashMap<>(variant.templates()))).toList();
    }

    /** A new, empty row of the channel with the first key that channel does not use yet. */
    static Row empty(MessageChannel channel, List<Row> rows) {
        String key = Variant.DEFAULT_KEY;
        for (char next = 'a'; next <= 'z'; next++) {
            String candidate = String.valueOf(next);
            if (rows.stream().noneMatch(row -> row.channel() == channel && row.key().equals(candidate))) {
                key = candidate;
                break;
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fieldsOf(channel).forEach(field -> fields.put(field, ""));
        return new Row(channel, key, fields);
    }

    /** The rows the form sent, in their order; rows of an unknown channel are not the form's and are left out. */
    static List<Row> parse(Map<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String channel = form.get(Row.name(i, "channel"));
            if (channel == null) {
                break;
            }
            MessageChannel known;
            try {
                known = MessageChannel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAChannel) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : fieldsOf(known)) {
                String value = form.get(Row.name(i, field));
                fields.put(field, value == null ? "" : value.strip());
            }
            String key = form.get(Row.name(i, "key"));
            rows.add(new Row(known, key == null ? "" : key.strip(), fields));
        }
        return rows;
    }

    /**
     * The problems of the rows that are not blank, by the form's field name: required fields left empty, keys that
     * are no keys, two variants of a channel under one key.
     */
    static Map<String, String> problems(List<Row> rows, ConsoleWords texts) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            if (!row.key().matches(KEY)) {
                problems.put(Row.name(i, "key"), texts.get("messages.edit.error.key"));
            } else {
                for (int j = 0; j < i; j++) {
                    Row before = rows.get(j);
                    if (!before.blank() && before.channel() == row.channel() && before.key().equals(row.key())) {
                        problems.put(Row.name(i, "key"), texts.get("messages.edit.error.keyTaken", row.key()));
                    }
                }
            }
            for (String field : fieldsOf(row.channel())) {
                if (!field.equals("link") && row.field(field).isBlank()) {
                    problems.put(Row.name(i, field), texts.get("messages.edit.error.required"));
                }
            }
        }
        return problems;
    }

    /** The module's variants of the rows that are not blank, in the form's order. */
    static List<Variant> variants(List<Row> rows) {
        List<Variant> variants = new ArrayList<>();
        for (Row row : rows) {
            if (!row.blank()) {
                variants.add(variant(row));
            }
        }
        return variants;
    }

    /** The variants whose required texts are all there, for the preview while the others are still being typed. */
    static List<Variant> complete(List<Row> rows) {
        return variants(rows.stream().filter(row -> fieldsOf(row.channel()).stream()
                .allMatch(field -> field.equals("link") || !row.field(field).isBlank())).toList());
    }

    /** The form's row of the module's {@code variants[n]}, as {@link #variants} left out the blank rows. */
    static int rowOf(List<Row> rows, int variantIndex) {
        int seen = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank() && ++seen == variantIndex) {
                return i;
            }
        }
        return -1;
    }

    private static Variant variant(Row row) {
        String key = row.key().isBlank() ? Variant.DEFAULT_KEY : row.key();
        return switch (row.channel()) {
            case EMAIL -> new Variant.Email(key, row.field("subject"), row.field("html"), row.field("text"));
            case SMS -> new Variant.Sms(key, row.field("text"));
            case PUSH -> new Variant.Push(key, row.field("title"), row.field("body"), nullIfBlank(row.field("link")));
            case IN_APP -> new Variant.InApp(key, row.field("title"), row.field("body"), nullIfBlank(row.field("link")));
            case TASK -> new Variant.Task(key, row.field("title"), row.field("body"));
        };
    }

    private static @Nullable String nullIfBlank(String value) {
        return value.isBlank() ? null : value;
    }
}
