package io.throughline.privacy.internal.registry;

import io.throughline.privacy.ErasureAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every table of the schema with its personal data, read from {@code classpath*:privacy/registry/*.yaml}. Each
 * module keeps its own file, named after it; see "The personal-data registry" in docs/ARCHITECTURE.md for the
 * format. Loading checks that each entry is complete in itself; {@code PersonalDataRegistryTests} checks it
 * against the live schema.
 */
public final class PersonalDataRegistry {

    public static final String LOCATION = "classpath*:privacy/registry/*.yaml";

    private final Map<String, RegisteredTable> tables;

    private PersonalDataRegistry(Map<String, RegisteredTable> tables) {
        this.tables = tables;
    }

    public static PersonalDataRegistry load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            Map<String, RegisteredTable> tables = new LinkedHashMap<>();
            for (Resource file : files) {
                String module = String.valueOf(file.getFilename()).replaceFirst("\\.yaml$", "");
                try (InputStream in = file.getInputStream()) {
                    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    if (!(document instanceof Map<?, ?> entries)) {
                        throw new RegistryException(file.getFilename() + ": expected a map of tables");
                    }
                    for (var entry : entries.entrySet()) {
                        RegisteredTable table = parse(module, String.valueOf(entry.getKey()), entry.getValue());
                        if (tables.putIfAbsent(table.table(), table) != null) {
                            throw new RegistryException(table.table() + " is registered twice");
                        }
                    }
                }
            }
            PersonalDataRegistry registry = new PersonalDataRegistry(tables);
            registry.checkLinks();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<RegisteredTable> tables() {
        return tables.values();
    }

    public Optional<RegisteredTable> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The table of profiles: the one entry naming a merged-into column. */
    public RegisteredTable profiles() {
        return tables.values().stream().filter(t -> t.mergedInto() != null).findFirst()
                .orElseThrow(() -> new RegistryException("no table declares merged-into (the profiles)"));
    }

    /** The table of identifiers: the one entry naming an identifier source. */
    public RegisteredTable identifiers() {
        return tables.values().stream().filter(t -> t.identifierSource() != null).findFirst()
                .orElseThrow(() -> new RegistryException("no table declares identifier-source (the identities)"));
    }

    private void checkLinks() {
        for (RegisteredTable table : tables.values()) {
            if (table.person() instanceof PersonLink.Via via) {
                RegisteredTable parent = tables.get(via.table());
                if (parent == null || !parent.leadsToPerson()) {
                    throw new RegistryException(table.table() + ": goes via " + via.table()
                            + ", which is not registered or does not lead to the person");
                }
            }
        }
    }

    private static RegisteredTable parse(String module, String name, @Nullable Object value) {
        if (!name.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
            throw new RegistryException(module + ".yaml: '" + name + "' is not schema.table");
        }
        Map<?, ?> entry = map(value, name);
        Map<String, PersonalColumn> personal = new LinkedHashMap<>();
        for (var column : map(entry.get("personal"), name + ".personal").entrySet()) {
            String columnName = String.valueOf(column.getKey());
            personal.put(columnName, column(name + "." + columnName, String.valueOf(column.getValue())));
        }
        Set<String> notPersonal = new LinkedHashSet<>(strings(entry.get("not-personal"), name + ".not-personal"));
        for (String column : notPersonal) {
            if (personal.containsKey(column)) {
                throw new RegistryException(name + "." + column + " is both personal and not personal");
            }
        }
        PersonLink person = link(entry.get("person"), name);
        ErasureAction erasure = entry.get("erasure") == null ? ErasureAction.KEEP
                : ErasureAction.valueOf(String.valueOf(entry.get("erasure")).toUpperCase(Locale.ROOT));
        Subject subject = entry.get("subject") != null
                ? Subject.valueOf(String.valueOf(entry.get("subject")).toUpperCase(Locale.ROOT))
                : personal.isEmpty() ? Subject.NONE : Subject.CUSTOMER;
        String basis = text(entry.get("basis"));
        String retention = text(entry.get("retention"));
        String holds = text(entry.get("holds"));
        if (holds == null) {
            throw new RegistryException(name + ": says nothing of what it holds (holds:)");
        }
        if (subject == Subject.CUSTOMER) {
            if (erasure != ErasureAction.DELETE && (basis == null || retention == null)) {
                throw new RegistryException(name + ": customer data kept or anonymised needs basis: and retention:");
            }
            if (erasure != ErasureAction.KEEP && person instanceof PersonLink.None) {
                throw new RegistryException(name + ": erasure " + erasure + " needs person: to find her rows");
            }
        }
        if (person instanceof PersonLink.Direct direct) {
            for (String column : concat(direct.profileColumns(), direct.identifierColumns())) {
                if (!personal.containsKey(column)) {
                    throw new RegistryException(name + "." + column + " leads to the person, so it is personal");
                }
                if (erasure == ErasureAction.ANONYMISE && personal.get(column).anonymiseTo() == null) {
                    throw new RegistryException(name + "." + column
                            + " leads to the person and must be anonymised (category -> anonymisation)");
                }
            }
        }
        for (PersonalColumn column : personal.values()) {
            if (column.anonymiseTo() != null && erasure != ErasureAction.ANONYMISE) {
                throw new RegistryException(name + "." + column.name() + ": an anonymisation on a table that is "
                        + erasure + "d");
            }
        }
        @Nullable List<String> identifierSource = entry.get("identifier-source") == null ? null
                : strings(entry.get("identifier-source"), name + ".identifier-source");
        return new RegisteredTable(name, module, holds, subject, person, erasure, basis, retention, personal,
                notPersonal, identifierSource, text(entry.get("merged-into")));
    }

    /** {@code category} or {@code category -> anonymisation}. */
    private static PersonalColumn column(String where, String text) {
        String[] parts = text.split("->");
        Category category = Category.parse(parts[0], where);
        Anonymisation to = parts.length > 1 ? Anonymisation.parse(parts[1], where) : null;
        return new PersonalColumn(where.substring(where.lastIndexOf('.') + 1), category, to);
    }

    private static PersonLink link(@Nullable Object value, String where) {
        if (value == null) {
            return new PersonLink.None();
        }
        Map<?, ?> person = map(value, where + ".person");
        if (person.get("via") != null) {
            Map<String, String> on = new LinkedHashMap<>();
            map(person.get("join"), where + ".person.join").forEach((k, v) -> on.put(String.valueOf(k), String.valueOf(v)));
            if (on.isEmpty()) {
                throw new RegistryException(where + ".person: via needs join: {column: parent column}");
            }
            return new PersonLink.Via(String.valueOf(person.get("via")), on);
        }
        List<String> profile = strings(person.get("profile"), where + ".person.profile");
        List<String> identifier = strings(person.get("identifier"), where + ".person.identifier");
        if (profile.isEmpty() && identifier.isEmpty()) {
            throw new RegistryException(where + ".person: needs profile:, identifier: or via:");
        }
        return new PersonLink.Direct(profile, identifier);
    }

    private static Map<?, ?> map(@Nullable Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new RegistryException(where + ": expected a map");
    }

    private static List<String> strings(@Nullable Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        throw new RegistryException(where + ": expected a list");
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
