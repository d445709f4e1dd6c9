package io.throughline.events;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reading a customer's events back, newest first. */
public interface EventTimeline {

    /**
     * Up to {@code limit} events of the profile older than {@code beforeSeq} (all when null), optionally of
     * one channel and one event label.
     */
    List<LoggedEvent> page(UUID profileId, @Nullable Long beforeSeq, int limit, @Nullable String channel,
            @Nullable String label);
}
