package io.throughline.events;

import java.util.UUID;

/**
 * What became of one appended event. Stored and Duplicate mean the event is durably in the log; Queued means it is
 * durably on its way there (cluster mode); Suppressed means it never will be, and must not be sent again either.
 */
public sealed interface AppendOutcome {

    /** Newly stored at position {@code seq}, on the customer's profile. */
    record Stored(long seq, UUID profileId) implements AppendOutcome {}

    /** Stored before, by an earlier delivery of the same source and message id; acknowledged again. */
    record Duplicate() implements AppendOutcome {}

    /**
     * Durably queued for the log (in cluster mode: written to Kafka with every in-sync replica's acknowledgement); a
     * node stores it shortly, exactly once, and only then is it known whether it was a retry. The channel may treat
     * it like Stored.
     */
    record Queued() implements AppendOutcome {}

    /**
     * Not stored, on purpose: it named a person who was erased and has not come back (identity resolution found one
     * of its identifiers on the privacy module's suppression list). Acknowledged like a stored event, so that the
     * channel does not retry it.
     */
    record Suppressed() implements AppendOutcome {}
}
