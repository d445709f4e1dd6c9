package io.throughline.privacy.internal.erasure;

import io.throughline.privacy.internal.registry.PersonLink;
import io.throughline.privacy.internal.registry.PersonalDataRegistry;
import io.throughline.privacy.internal.registry.RegisteredTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL condition that picks a person's rows of a registered table, derived from how the registry says the table
 * leads to her: her profile ids in a profile column, her identifier values in an identifier column (a text, or a
 * text array holding one), or the rows of another table that do. Conditions name the person's ids as {@code :ids}
 * and values as {@code :values}; {@link #bind} turns them into positional parameters.
 */
final class PersonSql {

    private static final Pattern PLACEHOLDER = Pattern.compile(":(ids|values)\\b");

    private final PersonalDataRegistry registry;
    private final Map<String, String> columnTypes;

    /** @param columnTypes {@code schema.table.column} to its {@code data_type} in information_schema */
    PersonSql(PersonalDataRegistry registry, Map<String, String> columnTypes) {
        this.registry = registry;
        this.columnTypes = columnTypes;
    }

    String condition(RegisteredTable table, String alias) {
        return switch (table.person()) {
            case PersonLink.Direct direct -> direct(table, direct, alias);
            case PersonLink.Via via -> {
                RegisteredTable parent = registry.table(via.table()).orElseThrow();
                String parentAlias = alias + "p";
                List<String> own = new ArrayList<>();
                List<String> theirs = new ArrayList<>();
                via.on().forEach((column, parentColumn) -> {
                    own.add(alias + "." + quote(column));
                    theirs.add(parentAlias + "." + quote(parentColumn));
                });
                yield "(" + String.join(", ", own) + ") IN (SELECT " + String.join(", ", theirs) + " FROM "
                        + qualified(parent) + " " + parentAlias + " WHERE " + condition(parent, parentAlias) + ")";
            }
            case PersonLink.None none -> "false";
        };
    }

    private String direct(RegisteredTable table, PersonLink.Direct direct, String alias) {
        List<String> parts = new ArrayList<>();
        for (String column : direct.profileColumns()) {
            parts.add(alias + "." + quote(column) + " = ANY(:ids)");
        }
        for (String column : direct.identifierColumns()) {
            String type = columnTypes.getOrDefault(table.table() + "." + column, "text");
            parts.add("ARRAY".equals(type)
                    ? alias + "." + quote(column) + " && :values"
                    : alias + "." + quote(column) + " = ANY(:values)");
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    static String qualified(RegisteredTable table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The statement with positional parameters, and its parameters for this person. */
    static Bound bind(String sql, Person person) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder text = new StringBuilder();
        List<Object> params = new ArrayList<>();
        while (matcher.find()) {
            boolean ids = matcher.group(1).equals("ids");
            matcher.appendReplacement(text, ids ? "?::uuid[]" : "?::text[]");
            params.add(ids ? person.ids() : person.values());
        }
        matcher.appendTail(text);
        return new Bound(text.toString(), params);
    }

    record Bound(String sql, List<Object> params) {}
}
