package io.throughline.privacy.internal.registry;

import io.throughline.privacy.ErasureAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One table of the schema as the registry describes it.
 *
 * @param table      {@code schema.table}
 * @param module     the module that owns it (the registry file it is in)
 * @param holds      what its rows are, in a few words
 * @param person     how its rows lead to the person
 * @param erasure    what erasing a customer does to her rows
 * @param basis      for kept or anonymised rows: the legal basis for keeping them
 * @param retention  for kept or anonymised rows: how long (ISO-8601 period or words)
 * @param personal   the columns that hold personal data, in the registry's order
 * @param notPersonal the columns that do not
 * @param identifierSource for the table of identifiers: its type and value columns, read to find every value of
 *                   the person (matched by other tables' identifier columns and suppressed at erasure)
 * @param mergedInto for the table of profiles: the column that points an absorbed profile at its survivor
 */
public record RegisteredTable(
        String table,
        String module,
        String holds,
        Subject subject,
        PersonLink person,
        ErasureAction erasure,
        @Nullable String basis,
        @Nullable String retention,
        Map<String, PersonalColumn> personal,
        Set<String> notPersonal,
        @Nullable List<String> identifierSource,
        @Nullable String mergedInto) {

    public String schema() {
        return table.substring(0, table.indexOf('.'));
    }

    public String name() {
        return table.substring(table.indexOf('.') + 1);
    }

    public boolean classifies(String column) {
        return personal.containsKey(column) || notPersonal.contains(column);
    }

    /** Whether erasure or export reach this table's rows at all. */
    public boolean leadsToPerson() {
        return !(person instanceof PersonLink.None);
    }
}
