package io.throughline.events.internal;

import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An accepted event as a record of the Kafka ingest topic: a versioned binary form of {@link EventToAppend} (no JSON
 * around the JSON payload), and the key that sends one person's events to one partition, in order.
 */
final class IngestRecords {

    private static final byte VERSION = 1;

    private IngestRecords() {}

    /**
     * The partition key: the profile when the appender knows it, else the strongest identifier most of a person's
     * events carry (user id, then anonymous id), else the first one.
     */
    static byte[] key(EventToAppend event) {
        String key;
        if (event.profileId() != null) {
            key = "profile:" + event.profileId();
        } else if (event.identifiers().isEmpty()) {
            key = event.sourceId() + ":" + event.messageId();
        } else {
            Identifier chosen = event.identifiers().stream()
                    .filter(identifier -> Identifier.USER_ID.equals(identifier.type())).findFirst()
                    .or(() -> event.identifiers().stream()
                            .filter(identifier -> Identifier.ANONYMOUS_ID.equals(identifier.type())).findFirst())
                    .orElse(event.identifiers().getFirst());
            key = chosen.type() + ":" + chosen.value();
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(EventToAppend event) {
        var bytes = new ByteArrayOutputStream(event.payload().length() + 256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            uuid(out, event.sourceId());
            text(out, event.channel());
            text(out, event.messageId());
            out.writeByte(event.type().ordinal());
            text(out, event.name());
            instant(out, event.occurredAt());
            instant(out, event.receivedAt());
            out.writeShort(event.identifiers().size());
            for (Identifier identifier : event.identifiers()) {
                text(out, identifier.type());
                text(out, identifier.value());
            }
            out.writeBoolean(event.profileId() != null);
            if (event.profileId() != null) {
                uuid(out, event.profileId());
            }
            text(out, event.payload());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a record this version wrote */
    static EventToAppend decode(byte[] record) {
        try (var in = new DataInputStream(new ByteArrayInputStream(record))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown ingest record version " + version);
            }
            UUID sourceId = uuid(in);
            String channel = required(in);
            String messageId = required(in);
            EventType type = EventType.values()[in.readByte()];
            String name = text(in);
            Instant occurredAt = instant(in);
            Instant receivedAt = instant(in);
            int count = in.readShort();
            List<Identifier> identifiers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                identifiers.add(new Identifier(required(in), required(in)));
            }
            UUID profileId = in.readBoolean() ? uuid(in) : null;
            String payload = required(in);
            return new EventToAppend(sourceId, channel, messageId, type, name, occurredAt, receivedAt, identifiers,
                    profileId, payload);
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("unreadable ingest record: " + unreadable.getMessage(), unreadable);
        }
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void text(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static @Nullable String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String required(DataInputStream in) throws IOException {
        String value = text(in);
        if (value == null) {
            throw new IOException("a required text is missing");
        }
        return value;
    }
}
