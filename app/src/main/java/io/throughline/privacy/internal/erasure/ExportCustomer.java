package io.throughline.privacy.internal.erasure;

import io.throughline.platform.NotFoundException;
import io.throughline.privacy.internal.registry.PersonalColumn;
import io.throughline.privacy.internal.registry.RegisteredTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes everything the registry says leads to the person as a zip: per table one JSON file (an array of rows,
 * JSON columns as JSON) and one CSV file (JSON columns as their text), {@code <module>/<table>}, and a
 * {@code manifest.json} naming the profiles, the time, and per table what it holds, its personal columns and the
 * number of rows. One repeatable-read transaction, so every file shows the same moment.
 */
@Component
class ExportCustomer {

    private final JdbcClient jdbc;
    private final RegistryPlan plan;
    private final PersonFinder finder;
    private final JsonMapper json;
    private final Clock clock;

    ExportCustomer(JdbcClient jdbc, RegistryPlan plan, PersonFinder finder, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.plan = plan;
        this.finder = finder;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    void export(UUID profileId, OutputStream out) {
        Person person = finder.find(profileId, false).orElseThrow(() -> new NotFoundException("customer", profileId));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("profileId", profileId.toString());
        ArrayNode ids = manifest.putArray("profileIds");
        person.profileIds().forEach(id -> ids.add(id.toString()));
        manifest.put("exportedAt", clock.instant().toString());
        ArrayNode listed = manifest.putArray("tables");
        try {
            for (RegistryPlan.Step step : plan.steps()) {
                RegisteredTable table = step.table();
                Rows rows = read(step, person);
                String path = table.module() + "/" + table.name();
                entry(zip, path + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(rows.json()));
                entry(zip, path + ".csv", rows.csv());
                ObjectNode about = listed.addObject();
                about.put("table", table.table());
                about.put("module", table.module());
                about.put("holds", table.holds());
                about.put("rows", rows.count());
                about.put("files", path + ".json, " + path + ".csv");
                ObjectNode personal = about.putObject("personalColumns");
                for (PersonalColumn column : table.personal().values()) {
                    personal.put(column.name(), column.category().name().toLowerCase(java.util.Locale.ROOT));
                }
                about.put("onErasure", table.erasure().name().toLowerCase(java.util.Locale.ROOT));
                if (table.basis() != null) {
                    about.put("keptFor", table.basis() + "; " + table.retention());
                }
            }
            entry(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Rows(ArrayNode json, byte[] csv, int count) {}

    private Rows read(RegistryPlan.Step step, Person person) throws IOException {
        PersonSql.Bound bound = PersonSql.bind(step.select(), person);
        ArrayNode array = json.createArrayNode();
        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        List<String> header = new ArrayList<>();
        List<List<@Nullable String>> csvRows = new ArrayList<>();
        jdbc.sql(bound.sql()).params(bound.params()).query((ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            if (header.isEmpty()) {
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    header.add(meta.getColumnName(c));
                }
            }
            ObjectNode row = array.addObject();
            List<@Nullable String> line = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                String text = text(value);
                line.add(text);
                String name = meta.getColumnName(c);
                if (value == null) {
                    row.putNull(name);
                } else if (value instanceof PGobject pg && pg.getType() != null && pg.getType().startsWith("json")) {
                    row.set(name, json.readTree(text));
                } else if (value instanceof Number number) {
                    row.put(name, number.toString());
                } else if (value instanceof Boolean bool) {
                    row.put(name, bool);
                } else {
                    row.put(name, text);
                }
            }
            csvRows.add(line);
        });
        if (header.isEmpty()) {
            header.addAll(step.table().personal().keySet());
            header.addAll(step.table().notPersonal());
        }
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(csvBytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<@Nullable String> line : csvRows) {
                printer.printRecord(line);
            }
        }
        return new Rows(array, csvBytes.toByteArray(), csvRows.size());
    }

    private static @Nullable String text(@Nullable Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant().toString();
            case Array array -> Arrays.deepToString((Object[]) array.getArray());
            case byte[] bytes -> java.util.HexFormat.of().formatHex(bytes);
            default -> value.toString();
        };
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
