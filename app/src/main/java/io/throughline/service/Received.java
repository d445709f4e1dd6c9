package io.throughline.service;

import java.util.UUID;

/** What became of an inbound message. */
public sealed interface Received {

    /** Stored on the customer's case, which was {@code opened}, {@code reopened} or joined. */
    record Stored(UUID messageId, UUID conversationId, UUID profileId, Threading threading) implements Received {}

    /** The same message arrived before (same dedupe key) and is stored once. */
    record Duplicate(UUID messageId, UUID conversationId) implements Received {}

    /** From an erased person who has not come back: not stored, and acknowledged so the channel stops retrying. */
    record Suppressed() implements Received {}

    /** How the message found its case. */
    enum Threading {
        JOINED_OPEN_CASE, REOPENED, NEW_CASE, NEW_CASE_AFTER_PREVIOUS
    }
}
