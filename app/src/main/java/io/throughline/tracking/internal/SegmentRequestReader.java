package io.throughline.tracking.internal;

import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import io.throughline.tracking.SourceTrust;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request of the Segment HTTP Tracking API into events for the log, following Segment's field
 * semantics: {@code userId} or {@code anonymousId} required, {@code track} needs {@code event}, message ids
 * of at most 100 characters (generated when absent), timestamps corrected for the client's clock skew,
 * a batch's top-level {@code context} and {@code integrations} merged into each item. Items that break a
 * rule are rejected one by one; the others are kept. Free of Spring, so that it can be fuzzed alone.
 */
final class SegmentRequestReader {

    static final int MAX_REQUEST_BYTES = 500 * 1024;
    static final int MAX_EVENT_BYTES = 32 * 1024;
    static final int MAX_BATCH_EVENTS = 2_500;
    private static final int MAX_MESSAGE_ID = 100;
    private static final int MAX_ID = 200;
    private static final int MAX_EVENT_NAME = 200;
    /**
     * The times an event may carry: four-digit years. PostgreSQL stores a narrower range than {@link Instant}, and
     * arithmetic on the extremes overflows; one such event must be refused on its own, not fail its whole batch.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The whole request is unusable: not JSON, not an object, too large. */
    static final class MalformedRequest extends RuntimeException {
        MalformedRequest(String reason) {
            super(reason);
        }
    }

    record Rejected(int index, String reason) {}

    record Accepted(int index, EventToAppend event) {}

    /** What the request holds: its write key, if it carries one, and each item's fate. */
    record Request(@Nullable String writeKey, List<Accepted> accepted, List<Rejected> rejected) {}

    /**
     * Where the events go and when they arrived, known before the body is read: the source, its trust level and
     * the secret that checks the user ids its clients send signed.
     */
    record Arrival(UUID sourceId, String channel, Instant receivedAt, SourceTrust trust,
            @Nullable String userIdSecret) {

        Arrival(UUID sourceId, String channel, Instant receivedAt) {
            this(sourceId, channel, receivedAt, SourceTrust.SERVER, null);
        }
    }

    private static final Map<String, String> EXTERNAL_ID_TYPES = Map.of(
            "email", Identifier.EMAIL, "phone", Identifier.PHONE, "user_id", Identifier.USER_ID,
            "loyalty_card", Identifier.LOYALTY_CARD, "loyaltycard", Identifier.LOYALTY_CARD,
            "pos_customer_id", Identifier.POS_CUSTOMER_ID, "device_id", Identifier.DEVICE_ID,
            "anonymous_id", Identifier.ANONYMOUS_ID);

    private final JsonMapper json;

    SegmentRequestReader(JsonMapper json) {
        this.json = json;
    }

    /** Only the write key, for authenticating before the events are read. */
    @Nullable String writeKey(JsonNode body) {
        JsonNode writeKey = body.get("writeKey");
        return writeKey != null && writeKey.isString() ? writeKey.asString() : null;
    }

    JsonNode parse(byte[] body) {
        if (body.length > MAX_REQUEST_BYTES) {
            throw new MalformedRequest("the request is larger than " + MAX_REQUEST_BYTES / 1024 + " KB");
        }
        if (body.length == 0) {
            throw new MalformedRequest("the request has no body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException unparseable) {
            var location = unparseable.getLocation();
            throw new MalformedRequest("the body is not valid JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRequest("the body must be a JSON object");
        }
        return root;
    }

    /**
     * The events of a request to {@code /v1/<path>}: one for {@code track}, {@code identify}, …; the items
     * of {@code batch} for {@code batch} and {@code import}. The items of a batch become the stored events in
     * place, without a copy: the tree is the request's own, read once.
     */
    Request read(String path, JsonNode root, Arrival arrival) {
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        String writeKey = writeKey(root);
        Stamp stamp = new Stamp(arrival, arrival.receivedAt().toString());
        if (path.equals("batch") || path.equals("import")) {
            JsonNode batch = root.get("batch");
            if (batch == null || !batch.isArray()) {
                throw new MalformedRequest("batch must be an array of events");
            }
            if (batch.size() > MAX_BATCH_EVENTS) {
                throw new MalformedRequest("a batch holds at most " + MAX_BATCH_EVENTS + " events, this one "
                        + batch.size());
            }
            for (int index = 0; index < batch.size(); index++) {
                JsonNode item = batch.get(index);
                if (!item.isObject()) {
                    rejected.add(new Rejected(index, "an event must be a JSON object"));
                    continue;
                }
                ObjectNode event = inheritFromBatch((ObjectNode) item, root);
                String type = text(event, "type");
                if (type == null) {
                    rejected.add(new Rejected(index, "type is required"));
                    continue;
                }
                readOne(index, type, event, stamp, accepted, rejected);
            }
        } else {
            readOne(0, path, (ObjectNode) root.deepCopy(), stamp, accepted, rejected);
        }
        return new Request(writeKey, accepted, rejected);
    }

    /** Where and when the request arrived, with the arrival time written once for all its events. */
    private record Stamp(Arrival arrival, String receivedAt) {}

    private static ObjectNode inheritFromBatch(ObjectNode event, JsonNode batch) {
        for (String shared : List.of("context", "integrations")) {
            JsonNode batchValue = batch.get(shared);
            if (batchValue != null && batchValue.isObject()) {
                JsonNode own = event.get(shared);
                if (own != null && own.isObject()) {
                    // A new object of both sides' fields; the values themselves are never changed, so shared.
                    ObjectNode merged = event.objectNode();
                    merged.setAll((ObjectNode) batchValue);
                    merged.setAll((ObjectNode) own);
                    event.set(shared, merged);
                } else {
                    event.set(shared, batchValue);
                }
            }
        }
        JsonNode sentAt = batch.get("sentAt");
        if (event.get("sentAt") == null && sentAt != null) {
            event.set("sentAt", sentAt);
        }
        return event;
    }

    private void readOne(int index, String typeName, ObjectNode event, Stamp stamp, List<Accepted> accepted,
            List<Rejected> rejected) {
        try {
            accepted.add(new Accepted(index, toEvent(typeName, event, stamp)));
        } catch (InvalidItem invalid) {
            rejected.add(new Rejected(index, invalid.getMessage()));
        }
    }

    /** One item breaks a rule; the rest of the batch is unaffected. */
    private static final class InvalidItem extends RuntimeException {
        InvalidItem(String reason) {
            super(reason);
        }
    }

    private EventToAppend toEvent(String typeName, ObjectNode event, Stamp stamp) {
        Arrival arrival = stamp.arrival();
        EventType type = switch (typeName.toLowerCase(Locale.ROOT)) {
            case "identify" -> EventType.IDENTIFY;
            case "track" -> EventType.TRACK;
            case "page" -> EventType.PAGE;
            case "screen" -> EventType.SCREEN;
            case "group" -> EventType.GROUP;
            case "alias" -> EventType.ALIAS;
            default -> throw new InvalidItem("type must be one of identify, track, page, screen, group, alias");
        };
        if (utf8Length(event) > MAX_EVENT_BYTES) {
            throw new InvalidItem("an event is at most " + MAX_EVENT_BYTES / 1024 + " KB");
        }
        String userId = id(event, "userId");
        String anonymousId = id(event, "anonymousId");
        String previousId = type == EventType.ALIAS ? id(event, "previousId") : null;
        if (type == EventType.ALIAS && (userId == null || previousId == null)) {
            throw new InvalidItem("alias needs userId and previousId");
        }
        if (userId == null && anonymousId == null) {
            throw new InvalidItem("userId or anonymousId is required");
        }
        String name = null;
        if (type == EventType.TRACK) {
            name = text(event, "event");
            if (name == null || name.isBlank()) {
                throw new InvalidItem("track needs event, the name of what happened");
            }
            if (name.length() > MAX_EVENT_NAME) {
                throw new InvalidItem("event is at most " + MAX_EVENT_NAME + " characters");
            }
        } else if (type == EventType.PAGE || type == EventType.SCREEN) {
            name = text(event, "name");
            if (name != null && name.length() > MAX_EVENT_NAME) {
                name = name.substring(0, MAX_EVENT_NAME);
            }
        }
        String messageId = text(event, "messageId");
        if (messageId == null || messageId.isBlank()) {
            messageId = UUID.randomUUID().toString();
        } else if (messageId.length() > MAX_MESSAGE_ID) {
            throw new InvalidItem("messageId is at most " + MAX_MESSAGE_ID + " characters");
        }
        Instant occurredAt = occurredAt(event, arrival.receivedAt());
        String outOfRange = JsonNumbers.firstNonFinite(event);
        if (outOfRange != null) {
            throw new InvalidItem(outOfRange + " is a number out of range");
        }
        event.put("type", type.wireName());
        event.put("messageId", messageId);
        event.put("timestamp", occurredAt.toString());
        event.put("receivedAt", stamp.receivedAt());
        event.put("channel", arrival.channel());
        // Set on every event, whatever the client sent, so that a processor can tell what a browser said.
        event.put("sourceTrust", arrival.trust().wireName());
        event.remove("writeKey");
        String payload = event.toString();
        // PostgreSQL text and jsonb cannot hold U+0000; one such event would fail every commit it joined. The
        // stored payload holds every string the event had.
        if (payload.contains("\\u0000")) {
            throw new InvalidItem("strings must not contain the NUL character (\\u0000)");
        }
        List<Identifier> identifiers = identifiers(event, userId, anonymousId, previousId);
        if (arrival.trust() == SourceTrust.CLIENT) {
            identifiers = ClientIdentifiers.joinable(identifiers, userId, arrival.userIdSecret(),
                    text(event.path("context"), "userIdSignature"), arrival.receivedAt());
            if (identifiers.isEmpty()) {
                throw new InvalidItem("userId from a client-side source joins a customer only when the brand's"
                        + " server signed it (context.userIdSignature); send anonymousId with it, or sign it");
            }
        }
        return new EventToAppend(arrival.sourceId(), arrival.channel(), messageId, type,
                type == EventType.TRACK || type == EventType.PAGE || type == EventType.SCREEN ? name : null,
                occurredAt, arrival.receivedAt(), identifiers, null, payload);
    }

    /** The event's size as JSON in UTF-8, as sent (before the platform adds its fields), counted without a copy. */
    private long utf8Length(ObjectNode event) {
        var counter = new java.io.OutputStream() {
            long bytes;

            @Override
            public void write(int b) {
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes += len;
            }
        };
        json.writeValue(counter, event);
        return counter.bytes;
    }

    /** {@code timestamp = receivedAt − (sentAt − originalTimestamp)} when the client said when it sent. */
    private static Instant occurredAt(ObjectNode event, Instant receivedAt) {
        Instant timestamp = instant(event, "timestamp");
        if (timestamp == null) {
            timestamp = instant(event, "originalTimestamp");
        }
        Instant sentAt = instant(event, "sentAt");
        if (timestamp == null) {
            return receivedAt;
        }
        if (event.get("originalTimestamp") == null) {
            event.put("originalTimestamp", timestamp.toString());
        }
        if (sentAt == null) {
            return timestamp;
        }
        // Both are within four-digit years, so the difference cannot overflow; the corrected time still may leave them.
        Instant corrected = receivedAt.minus(Duration.between(timestamp, sentAt));
        if (corrected.isBefore(EARLIEST) || corrected.isAfter(LATEST)) {
            throw new InvalidItem("timestamp corrected by sentAt falls outside the years 0001 to 9999");
        }
        return corrected;
    }

    private static List<Identifier> identifiers(ObjectNode event, @Nullable String userId,
            @Nullable String anonymousId, @Nullable String previousId) {
        Set<Identifier> identifiers = new LinkedHashSet<>();
        if (userId != null) {
            identifiers.add(new Identifier(Identifier.USER_ID, userId));
        }
        if (anonymousId != null) {
            identifiers.add(new Identifier(Identifier.ANONYMOUS_ID, anonymousId));
        }
        if (previousId != null) {
            identifiers.add(new Identifier(Identifier.ANONYMOUS_ID, previousId));
        }
        JsonNode context = event.path("context");
        for (JsonNode traits : List.of(event.path("traits"), context.path("traits"))) {
            addText(identifiers, Identifier.EMAIL, traits.get("email"));
            addText(identifiers, Identifier.PHONE, traits.get("phone"));
        }
        addText(identifiers, Identifier.DEVICE_ID, context.path("device").get("id"));
        JsonNode externalIds = context.get("externalIds");
        if (externalIds != null && externalIds.isArray()) {
            for (JsonNode externalId : externalIds) {
                String type = externalId.path("type").isString() ? externalId.path("type").asString() : null;
                if (type != null && !type.isBlank() && type.length() <= 50) {
                    String folded = type.strip().toLowerCase(Locale.ROOT);
                    addText(identifiers, EXTERNAL_ID_TYPES.getOrDefault(folded, folded), externalId.get("id"));
                }
            }
        }
        return List.copyOf(identifiers);
    }

    private static void addText(Set<Identifier> identifiers, String type, @Nullable JsonNode value) {
        if (value != null && (value.isString() || value.isNumber())) {
            String text = value.asString().strip();
            if (!text.isEmpty() && text.length() <= MAX_ID) {
                identifiers.add(new Identifier(type, text));
            }
        }
    }

    /** A Segment id: a string, or a number that clients sometimes send, at most 200 characters. */
    private static @Nullable String id(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new InvalidItem(field + " must be a string");
        }
        String text = value.asString().strip();
        if (text.length() > MAX_ID) {
            throw new InvalidItem(field + " is at most " + MAX_ID + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable Instant instant(JsonNode event, String field) {
        String text = text(event, field);
        if (text == null) {
            if (event.get(field) != null && !event.get(field).isNull()) {
                throw new InvalidItem(field + " must be an ISO-8601 date-time");
            }
            return null;
        }
        Instant instant = IsoTimestamps.parse(text);
        if (instant == null) {
            throw new InvalidItem(field + " must be an ISO-8601 date-time");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidItem(field + " must be within the years 0001 to 9999");
        }
        return instant;
    }
}
