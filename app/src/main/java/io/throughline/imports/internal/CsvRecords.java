package io.throughline.imports.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The records of an RFC 4180 file, one at a time, that survives a malformed one: a record is gathered line by line
 * while a quote is open, and one whose quote never closes within {@value #MAX_LINES} lines (or that Commons CSV
 * refuses) is answered as malformed, and reading starts again on the line after it. A whole-file parser would stop
 * at the first bad quote and lose every good line behind it.
 */
final class CsvRecords {

    /** A record: its fields, or why it could not be read. {@code line} is its first line's number (header is 1). */
    record Record(long line, @Nullable List<String> fields, @Nullable String malformed) {}

    static final int MAX_LINES = 20;
    private static final int MAX_CHARS = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final BufferedReader reader;
    /** Lines read ahead for a record that turned out malformed, to be read again as records of their own. */
    private final java.util.ArrayDeque<String> again = new java.util.ArrayDeque<>();
    private long lineNumber;

    CsvRecords(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the file. Blank lines are passed over. */
    @Nullable Record next() {
        try {
            String first = line();
            while (first != null && first.isBlank()) {
                lineNumber++;
                first = line();
            }
            if (first == null) {
                return null;
            }
            long start = ++lineNumber;
            StringBuilder text = new StringBuilder(first);
            int quotes = count(first);
            java.util.List<String> ahead = new java.util.ArrayList<>();
            while (quotes % 2 == 1) {
                String more = ahead.size() + 1 >= MAX_LINES || text.length() > MAX_CHARS ? null : line();
                if (more == null) {
                    // Only the first line is lost: the lines read ahead are read again as records of their own.
                    for (int i = ahead.size() - 1; i >= 0; i--) {
                        again.push(ahead.get(i));
                    }
                    lineNumber = start;
                    return new Record(start, null, "a quoted field is never closed");
                }
                ahead.add(more);
                lineNumber++;
                text.append('\n').append(more);
                quotes += count(more);
            }
            return parse(start, text.toString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private @Nullable String line() throws IOException {
        return again.isEmpty() ? reader.readLine() : again.pop();
    }

    private static Record parse(long line, String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return new Record(line, null, "is not one CSV record");
            }
            return new Record(line, records.getFirst().toList(), null);
        } catch (IOException | UncheckedIOException | IllegalStateException refused) {
            return new Record(line, null, "is not valid CSV (quotes must enclose a whole field)");
        }
    }

    private static int count(String line) {
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
    }
}
