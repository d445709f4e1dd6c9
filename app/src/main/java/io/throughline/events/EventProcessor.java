package io.throughline.events;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Something that follows the log: profile traits, segments, journeys, analytics. Each processor is handed
 * batches in log order from its own stored offset. A batch and the new offset commit in one transaction,
 * so the effects of an event that {@link #process} writes to the database happen exactly once.
 */
public interface EventProcessor {

    /** Stable name under which the processor's offset is stored. */
    String name();

    void process(List<LoggedEvent> events);

    /** The kinds of customer event it reads; the others pass it by (its offset still moves past them). */
    default Set<EventType> types() {
        return EnumSet.allOf(EventType.class);
    }

    /**
     * The names of the events it reads, asked before each batch; when not empty, events of other names (and
     * unnamed ones) pass it by in the database, which spares reading a busy log's every page view. Empty for
     * every name.
     */
    default Set<String> names() {
        return Set.of();
    }

    /** Whether it reads the platform's own events, such as "Profiles Merged", whatever their type. */
    default boolean readsPlatformEvents() {
        return true;
    }

    /**
     * The kinds of event whose JSON it reads; the others reach it with {@code "{}"} as payload, which spares
     * the database sending, and the processor parsing, what it would not look at. Platform events always
     * carry theirs.
     */
    default Set<EventType> payloadTypes() {
        return types();
    }
}
