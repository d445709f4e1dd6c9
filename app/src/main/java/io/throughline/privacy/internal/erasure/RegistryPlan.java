package io.throughline.privacy.internal.erasure;

import io.throughline.privacy.ErasureAction;
import io.throughline.privacy.internal.registry.PersonLink;
import io.throughline.privacy.internal.registry.PersonalColumn;
import io.throughline.privacy.internal.registry.PersonalDataRegistry;
import io.throughline.privacy.internal.registry.RegisteredTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry turned into statements, once, against the live schema: for every table that leads to the person, the
 * condition that picks her rows, and the statement erasure runs on it (delete, update with the anonymisations, or
 * count for the receipt of what is kept). Tables come in an order that never breaks a link or a foreign key: a
 * table is erased before the table it goes via, and before the tables its foreign keys point at.
 */
@Component
class RegistryPlan {

    /** One table's statements. {@code erase} deletes, anonymises or counts; {@code select} reads her rows. */
    record Step(RegisteredTable table, String erase, String select) {}

    private final PersonalDataRegistry registry;
    private final JdbcClient jdbc;
    private volatile List<Step> steps = List.of();

    RegistryPlan(JdbcClient jdbc) {
        this.registry = PersonalDataRegistry.load();
        this.jdbc = jdbc;
    }

    PersonalDataRegistry registry() {
        return registry;
    }

    /** Built at first use, when Flyway has run. */
    List<Step> steps() {
        List<Step> built = steps;
        if (built.isEmpty()) {
            built = build();
            steps = built;
        }
        return built;
    }

    private List<Step> build() {
        Map<String, String> types = new HashMap<>();
        jdbc.sql("""
                SELECT table_schema || '.' || table_name || '.' || column_name AS col, data_type
                FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(rs -> {
                    types.put(rs.getString("col"), rs.getString("data_type"));
                });
        PersonSql sql = new PersonSql(registry, types);
        List<Step> result = new ArrayList<>();
        for (RegisteredTable table : ordered()) {
            String where = sql.condition(table, "t");
            String from = PersonSql.qualified(table) + " t";
            String erase = switch (table.erasure()) {
                case DELETE -> "DELETE FROM " + from + " WHERE " + where;
                case ANONYMISE -> "UPDATE " + from + " SET " + assignments(table) + " WHERE " + where;
                case KEEP -> "SELECT count(*) FROM " + from + " WHERE " + where;
            };
            result.add(new Step(table, erase, "SELECT t.* FROM " + from + " WHERE " + where));
        }
        return List.copyOf(result);
    }

    private static String assignments(RegisteredTable table) {
        return table.personal().values().stream().filter(column -> column.anonymiseTo() != null)
                .map(column -> PersonSql.quote(column.name()) + " = " + anonymisation(column))
                .collect(Collectors.joining(", "));
    }

    private static String anonymisation(PersonalColumn column) {
        return java.util.Objects.requireNonNull(column.anonymiseTo()).sql();
    }

    /** Tables that lead to the person, children before parents (links and foreign keys). */
    private List<RegisteredTable> ordered() {
        Map<String, RegisteredTable> reached = new LinkedHashMap<>();
        registry.tables().stream().filter(RegisteredTable::leadsToPerson).forEach(t -> reached.put(t.table(), t));
        Map<String, Set<String>> before = new HashMap<>();
        for (RegisteredTable table : reached.values()) {
            if (table.person() instanceof PersonLink.Via via) {
                before.computeIfAbsent(via.table(), k -> new LinkedHashSet<>()).add(table.table());
            }
        }
        jdbc.sql("""
                SELECT cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
                JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
                WHERE k.contype = 'f'""").query(rs -> {
            String child = rs.getString("child");
            String parent = rs.getString("parent");
            if (!child.equals(parent) && reached.containsKey(child) && reached.containsKey(parent)
                    && reached.get(parent).erasure() == ErasureAction.DELETE) {
                before.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(child);
            }
        });
        List<RegisteredTable> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : reached.keySet()) {
            visit(table, reached, before, done, visiting, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, RegisteredTable> reached, Map<String, Set<String>> before,
            Set<String> done, Set<String> visiting, List<RegisteredTable> order) {
        if (done.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new IllegalStateException("the registry's links and foreign keys form a cycle at " + table);
        }
        for (String child : before.getOrDefault(table, Set.of())) {
            visit(child, reached, before, done, visiting, order);
        }
        visiting.remove(table);
        done.add(table);
        order.add(reached.get(table));
    }
}
