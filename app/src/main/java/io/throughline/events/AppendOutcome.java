package io.throughline.events;

import java.util.UUID;

/** What became of one appended event. Both outcomes mean the event is durably in the log. */
public sealed interface AppendOutcome {

    /** Newly stored at position {@code seq}, on the customer's profile. */
    record Stored(long seq, UUID profileId) implements AppendOutcome {}

    /** Stored before, by an earlier delivery of the same source and message id; acknowledged again. */
    record Duplicate() implements AppendOutcome {}
}
