package io.throughline.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one {@code COPY … FROM STDIN} in PostgreSQL's text format (tab-separated, backslash
 * escapes, {@code \N} for null), sent in large chunks so that the client is never what the copy waits for.
 */
final class CopyStream {

    private static final int FLUSH_CHARS = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 8192);
    private boolean rowStarted;
    private long rows;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the connection, inside its current transaction. */
    static CopyStream open(Connection connection, String table, String columns) throws SQLException {
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        return new CopyStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    CopyStream add(String value) {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyStream addNull() {
        separate();
        buffer.append("\\N");
        return this;
    }

    CopyStream addNullable(String value) {
        return value == null ? addNull() : add(value);
    }

    CopyStream add(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyStream add(UUID value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyStream add(Instant value) {
        separate();
        buffer.append(value);
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    /** Ends the copy; the caller commits. Returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + rows);
        }
        return copied;
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
