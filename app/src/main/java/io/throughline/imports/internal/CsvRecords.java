package io.throughline.imports.internal;

import java.io.IOException;
import java.io.Reader;
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
 * at the first bad quote and lose every good line behind it. A line longer than {@value #MAX_LINE_CHARS} characters
 * (a file without line breaks, a binary file) is malformed too, and read past without being kept: memory holds a
 * line at a time, at most that long, whatever the file.
 */
final class CsvRecords {

    /** A record: its fields, or why it could not be read. {@code line} is its first line's number (header is 1). */
    record Record(long line, @Nullable List<String> fields, @Nullable String malformed) {}

    static final int MAX_LINES = 20;
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final int MAX_CHARS = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** A line of the file; one that was too long to keep is empty and {@code tooLong}. */
    private record Line(String text, boolean tooLong) {}

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    /** Lines read ahead for a record that turned out malformed, to be read again as records of their own. */
    private final java.util.ArrayDeque<Line> again = new java.util.ArrayDeque<>();
    private long lineNumber;

    CsvRecords(Reader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the file. Blank lines are passed over. */
    @Nullable Record next() {
        try {
            Line first = line();
            while (first != null && !first.tooLong() && first.text().isBlank()) {
                lineNumber++;
                first = line();
            }
            if (first == null) {
                return null;
            }
            long start = ++lineNumber;
            if (first.tooLong()) {
                return new Record(start, null, "is longer than " + MAX_LINE_CHARS + " characters");
            }
            StringBuilder text = new StringBuilder(first.text());
            int quotes = count(first.text());
            java.util.List<Line> ahead = new java.util.ArrayList<>();
            while (quotes % 2 == 1) {
                Line more = ahead.size() + 1 >= MAX_LINES || text.length() > MAX_CHARS ? null : line();
                if (more != null && more.tooLong()) {
                    ahead.add(more);
                    more = null;
                }
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
                text.append('\n').append(more.text());
                quotes += count(more.text());
            }
            return parse(start, text.toString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private @Nullable Line line() throws IOException {
        return again.isEmpty() ? read() : again.pop();
    }

    /** The next line without its break (LF, CR LF or CR), or null at the end; kept only up to its limit. */
    private @Nullable Line read() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return text.isEmpty() && !tooLong ? null : new Line(tooLong ? "" : text.toString(), tooLong);
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            if (!tooLong) {
                text.append(buffer, position, end - position);
                if (text.length() > MAX_LINE_CHARS) {
                    tooLong = true;
                    text = new StringBuilder();
                }
            }
            if (end < limit) {
                char brk = buffer[end];
                position = end + 1;
                if (brk == '\r') {
                    skipLineFeed();
                }
                return new Line(tooLong ? "" : text.toString(), tooLong);
            }
            position = limit;
        }
    }

    private void skipLineFeed() throws IOException {
        if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return;
            }
        }
        if (buffer[position] == '\n') {
            position++;
        }
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
