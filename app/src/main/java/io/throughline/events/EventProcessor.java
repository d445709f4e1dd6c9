package io.throughline.events;

import java.util.List;

/**
 * Something that follows the log: profile traits, segments, journeys, analytics. Each processor is handed
 * batches in log order from its own stored offset. A batch and the new offset commit in one transaction,
 * so the effects of an event that {@link #process} writes to the database happen exactly once.
 */
public interface EventProcessor {

    /** Stable name under which the processor's offset is stored. */
    String name();

    void process(List<LoggedEvent> events);
}
