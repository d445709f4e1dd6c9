package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.privacy.internal.registry.PersonLink;
import io.throughline.privacy.internal.registry.PersonalDataRegistry;
import io.throughline.privacy.internal.registry.RegisteredTable;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry against the live schema after every migration: a migration that adds a table or a column without
 * classifying it in {@code privacy/registry/<module>.yaml} fails here, naming it.
 */
@PlatformTest
class PersonalDataRegistryTests {

    /** Ways to the person that need no index: the outbox holds seconds of events and is read whole. */
    private static final Set<String> UNINDEXED_BY_DESIGN = Set.of("events.outbox.identifier_values");

    @Autowired
    JdbcClient jdbc;

    final PersonalDataRegistry registry = PersonalDataRegistry.load();

    @Test
    void everyColumnOfEveryTableIsClassifiedAsPersonalOrNot() {
        List<String> unclassified = new ArrayList<>();
        liveColumns().forEach((table, columns) -> {
            var entry = registry.table(table);
            if (entry.isEmpty()) {
                unclassified.add(table + " (the whole table: add it to privacy/registry/<module>.yaml)");
                return;
            }
            columns.stream().filter(column -> !entry.get().classifies(column))
                    .forEach(column -> unclassified.add(table + "." + column));
        });
        assertThat(unclassified).as("columns the personal-data registry does not classify").isEmpty();
    }

    @Test
    void theRegistryNamesNoTableOrColumnTheSchemaLacks() {
        Map<String, Set<String>> live = liveColumns();
        List<String> stale = new ArrayList<>();
        for (RegisteredTable table : registry.tables()) {
            Set<String> columns = live.get(table.table());
            if (columns == null) {
                stale.add(table.table());
                continue;
            }
            Set<String> named = new LinkedHashSet<>(table.personal().keySet());
            named.addAll(table.notPersonal());
            if (table.person() instanceof PersonLink.Via via) {
                named.addAll(via.on().keySet());
            }
            named.stream().filter(column -> !columns.contains(column)).forEach(c -> stale.add(table.table() + "." + c));
        }
        assertThat(stale).as("registered tables and columns the schema does not have").isEmpty();
    }

    @Test
    void everyWayFromATableToThePersonIsServedByAnIndex() {
        Set<String> leading = new LinkedHashSet<>(jdbc.sql("""
                SELECT n.nspname || '.' || c.relname || '.' || a.attname
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                WHERE NOT c.relispartition""").query(String.class).list());
        List<String> unindexed = new ArrayList<>();
        for (RegisteredTable table : registry.tables()) {
            List<String> columns = switch (table.person()) {
                case PersonLink.Direct direct -> {
                    List<String> all = new ArrayList<>(direct.profileColumns());
                    all.addAll(direct.identifierColumns());
                    yield all;
                }
                case PersonLink.Via via -> List.of(via.on().keySet().iterator().next());
                case PersonLink.None none -> List.of();
            };
            columns.stream().map(column -> table.table() + "." + column)
                    .filter(column -> !leading.contains(column) && !UNINDEXED_BY_DESIGN.contains(column))
                    .forEach(unindexed::add);
        }
        assertThat(unindexed).as("columns erasure and export search by, without an index that starts with them")
                .isEmpty();
    }

    /** Every table of every schema but PostgreSQL's own, partitions left out (their parent stands for them). */
    private Map<String, Set<String>> liveColumns() {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.nspname AS schema, c.relname AS name, a.attname AS col
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                ORDER BY 1, 2, a.attnum""").query(rs -> {
            tables.computeIfAbsent(rs.getString("schema") + "." + rs.getString("name"), k -> new LinkedHashSet<>())
                    .add(rs.getString("col"));
        });
        return tables;
    }
}
