package io.throughline.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Appending customer events to the log. */
public interface EventLog {

    /**
     * Queues the events for the next group commit. The future completes, one outcome per event in order,
     * only once they are committed; it fails when the commit fails.
     *
     * @throws LogOverloadedException at once, when the queue is full
     */
    CompletableFuture<List<AppendOutcome>> append(List<EventToAppend> events);

    /**
     * Notes on the customer's timeline what the caller's transaction has just done: the event is appended once
     * that transaction commits (at once without one), so a rollback notes nothing. Best effort — a busy or failing
     * log loses the note, never the committed change, and says so in the platform's log.
     */
    void appendAfterCommit(EventToAppend event);
}
