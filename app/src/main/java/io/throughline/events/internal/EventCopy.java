package io.throughline.events.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows of {@code events.event} with {@code COPY … FROM STDIN} in PostgreSQL's binary format: one stream for
 * the whole batch, no statement to plan, no text escaping, and no array literals to build and parse again.
 */
final class EventCopy {

    /** One row, in the table's column order. */
    record Row(long seq, Instant receivedAt, UUID profileId, UUID resolvedProfileId, UUID sourceId, String channel,
            String messageId, String type, @Nullable String name, Instant occurredAt, String payload,
            @Nullable String resolvedVia) {}

    private static final String COPY = """
            COPY events.event (seq, received_at, profile_id, resolved_profile_id, source_id, channel, message_id,
                               type, name, occurred_at, payload, resolved_via)
            FROM STDIN (FORMAT binary)""";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short COLUMNS = 12;
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final byte JSONB_VERSION = 1;
    private static final int CHUNK = 1 << 16;

    private EventCopy() {}

    static void write(Connection connection, List<Row> rows) throws SQLException {
        Buffer out = new Buffer(rows.size() * 600 + 64);
        out.write(SIGNATURE, 0, SIGNATURE.length);
        out.int32(0);
        out.int32(0);
        for (Row row : rows) {
            out.int16(COLUMNS);
            out.int32(8);
            out.int64(row.seq());
            timestamp(out, row.receivedAt());
            uuid(out, row.profileId());
            uuid(out, row.resolvedProfileId());
            uuid(out, row.sourceId());
            text(out, row.channel());
            text(out, row.messageId());
            text(out, row.type());
            text(out, row.name());
            timestamp(out, row.occurredAt());
            byte[] payload = row.payload().getBytes(StandardCharsets.UTF_8);
            out.int32(payload.length + 1);
            out.write(JSONB_VERSION);
            out.write(payload, 0, payload.length);
            text(out, row.resolvedVia());
        }
        out.int16((short) -1);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            byte[] bytes = out.bytes();
            for (int offset = 0; offset < out.size(); offset += CHUNK) {
                copy.writeToCopy(bytes, offset, Math.min(CHUNK, out.size() - offset));
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void timestamp(Buffer out, Instant instant) {
        out.int32(8);
        // Rounded to the microsecond, as PostgreSQL rounds a timestamp it reads as text.
        out.int64((instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + (instant.getNano() + 500) / 1_000);
    }

    private static void uuid(Buffer out, UUID uuid) {
        out.int32(16);
        out.int64(uuid.getMostSignificantBits());
        out.int64(uuid.getLeastSignificantBits());
    }

    private static void text(Buffer out, @Nullable String value) {
        if (value == null) {
            out.int32(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.int32(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** A growable byte buffer with big-endian integers; one thread fills it, so it takes no locks. */
    private static final class Buffer {

        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void write(byte value) {
            room(1);
            bytes[size++] = value;
        }

        void write(byte[] values, int offset, int length) {
            room(length);
            System.arraycopy(values, offset, bytes, size, length);
            size += length;
        }

        void int16(short value) {
            room(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void int32(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void int64(long value) {
            int32((int) (value >>> 32));
            int32((int) value);
        }
    }
}
