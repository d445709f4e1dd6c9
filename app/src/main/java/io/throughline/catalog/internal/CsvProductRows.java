package io.throughline.catalog.internal;

import io.throughline.catalog.Attribute;
import io.throughline.catalog.ImportRowError;
import io.throughline.catalog.ProductRow;
import io.throughline.platform.InvalidRequestException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the catalogue CSV format: a header line naming the columns (any order; {@code sku} and {@code name}
 * required), then one product with one variant per line. Lists inside a cell are separated by semicolons;
 * attributes are {@code name=value} pairs. Each data row becomes a {@link ProductRow} or, when its cells cannot
 * even be split, an {@link ImportRowError} with its line number.
 */
final class CsvProductRows {

    static final List<String> COLUMNS =
            List.of("sku", "gtin", "name", "category", "description", "attributes", "image_url", "channels");
    private static final Set<String> REQUIRED = Set.of("sku", "name");

    /** One parsed line: a row to check, or why the line could not be read. */
    sealed interface Parsed permits Row, Refused {}

    record Row(ProductRow row) implements Parsed {}

    record Refused(ImportRowError error) implements Parsed {}

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();

    private CsvProductRows() {}

    /** Refuses a file whose header lacks a required column or names one this format does not know. */
    static void checkHeader(String csv) {
        String firstLine = csv.lines().findFirst().orElse("");
        if (firstLine.isBlank()) {
            throw new InvalidRequestException("file", "is empty; its first line must name the columns");
        }
        List<String> header = Arrays.stream(firstLine.split(",", -1))
                .map(name -> name.strip().replace("\"", "").toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip())
                .toList();
        for (String name : header) {
            if (!COLUMNS.contains(name)) {
                throw new InvalidRequestException("file", "names an unknown column '" + name + "'; the columns are "
                        + String.join(", ", COLUMNS));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw new InvalidRequestException("file", "has no column '" + required + "'");
            }
        }
    }

    /** Hands every data line to {@code sink} in file order; a line that breaks the CSV syntax ends the file. */
    static void parse(String csv, Consumer<Parsed> sink) {
        try (Reader reader = new StringReader(stripByteOrderMark(csv)); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    sink.accept(new Refused(new ImportRowError(line, null, "file",
                            "is not valid CSV from this line on (" + rootMessage(malformed) + "); the rest of the file was not read")));
                    return;
                }
                sink.accept(row(line, record));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Parsed row(long line, CSVRecord record) {
        String sku = cell(record, "sku");
        if (!record.isConsistent()) {
            return new Refused(new ImportRowError(line, sku.isEmpty() ? null : sku, "file",
                    "has " + record.size() + " cells where the header names " + record.getParser().getHeaderNames().size()));
        }
        List<Attribute> attributes = new ArrayList<>();
        for (String pair : list(cell(record, "attributes"))) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return new Refused(new ImportRowError(line, sku, "attributes",
                        "'" + pair + "' is not a name=value pair"));
            }
            attributes.add(new Attribute(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip()));
        }
        String gtin = cell(record, "gtin");
        String image = cell(record, "image_url");
        return new Row(new ProductRow(line, sku, gtin.isEmpty() ? null : gtin, cell(record, "name"),
                list(cell(record, "category")), cell(record, "description"), attributes,
                image.isEmpty() ? null : image, list(cell(record, "channels"))));
    }

    private static String cell(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String stripByteOrderMark(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
