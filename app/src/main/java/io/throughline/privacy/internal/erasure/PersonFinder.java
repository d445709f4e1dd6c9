package io.throughline.privacy.internal.erasure;

import io.throughline.platform.Rows;
import io.throughline.privacy.internal.registry.PersonLink;
import io.throughline.privacy.internal.registry.PersonalDataRegistry;
import io.throughline.privacy.internal.registry.RegisteredTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds every profile of the person behind a profile id, in the registry's table of profiles: up its merged-into
 * column to the survivor, then down to every profile merged into it, however deep. Her identifiers come from the
 * registry's table of identifiers. The profiles are locked, so that two erasures of one person take turns.
 */
@Component
class PersonFinder {

    private final JdbcClient jdbc;
    private final PersonalDataRegistry registry;

    PersonFinder(JdbcClient jdbc, RegistryPlan plan) {
        this.jdbc = jdbc;
        this.registry = plan.registry();
    }

    Optional<Person> find(UUID profileId, boolean lock) {
        RegisteredTable profiles = registry.profiles();
        String table = PersonSql.qualified(profiles);
        String id = PersonSql.quote(idColumn(profiles));
        String mergedInto = PersonSql.quote(Objects.requireNonNull(profiles.mergedInto()));
        List<UUID> ids = jdbc.sql("""
                WITH RECURSIVE up(id, parent, depth) AS (
                    SELECT %2$s, %3$s, 0 FROM %1$s WHERE %2$s = ?
                    UNION ALL
                    SELECT p.%2$s, p.%3$s, up.depth + 1 FROM %1$s p JOIN up ON p.%2$s = up.parent WHERE up.depth < 100
                ), root AS (SELECT id FROM up WHERE parent IS NULL OR depth = 100 LIMIT 1),
                down(id, depth) AS (
                    SELECT id, 0 FROM root
                    UNION
                    SELECT p.%2$s, down.depth + 1 FROM %1$s p JOIN down ON p.%3$s = down.id WHERE down.depth < 100
                )
                SELECT DISTINCT id FROM down""".formatted(table, id, mergedInto))
                .param(profileId).query((rs, row) -> Rows.uuid(rs, "id")).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        if (lock) {
            jdbc.sql("SELECT 1 FROM " + table + " WHERE " + id + " = ANY(?::uuid[]) ORDER BY " + id + " FOR UPDATE")
                    .param(ids.toArray(UUID[]::new)).query((rs, row) -> 1).list();
        }
        RegisteredTable identities = registry.identifiers();
        List<String> source = Objects.requireNonNull(identities.identifierSource());
        String owner = PersonSql.quote(idColumn(identities));
        List<Person.Identified> identifiers = jdbc.sql("SELECT " + PersonSql.quote(source.get(0)) + " AS type, "
                        + PersonSql.quote(source.get(1)) + " AS value FROM " + PersonSql.qualified(identities)
                        + " WHERE " + owner + " = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> new Person.Identified(rs.getString("type"), rs.getString("value"))).list();
        return Optional.of(new Person(profileId, ids, identifiers));
    }

    private static String idColumn(RegisteredTable table) {
        if (table.person() instanceof PersonLink.Direct direct && !direct.profileColumns().isEmpty()) {
            return direct.profileColumns().getFirst();
        }
        throw new IllegalStateException(table.table() + " must lead to the person through a profile column");
    }
}
