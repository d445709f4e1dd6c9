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
     * Appends what the caller's transaction has just done ("Product Added", "Order Completed") as part of that
     * transaction: the event is written to the log's outbox when the transaction commits, with it, and reaches the
     * log exactly once afterwards, also when the process dies between the two; a rollback appends nothing. Without
     * a transaction, the event is written to the outbox at once. The caller does not wait for the log.
     */
    void appendWithTransaction(EventToAppend event);
}
