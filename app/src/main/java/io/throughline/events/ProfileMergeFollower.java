package io.throughline.events;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A processor that keeps a module's rows with the right profile and does nothing else: it reads only the
 * platform's "Profiles Merged" and "Profiles Unmerged" and is handed each as a {@link ProfileMergeEvent}. Like
 * every processor, what it writes commits with its offset, so a merge is followed once.
 */
public interface ProfileMergeFollower extends EventProcessor {

    /**
     * Moves what the module keeps per profile as the merge or unmerge says; {@code event} gives its log
     * position and time, for a follower that records the move.
     */
    void follow(ProfileMergeEvent change, LoggedEvent event);

    @Override
    default void process(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            ProfileMergeEvent.in(event).ifPresent(change -> follow(change, event));
        }
    }

    /** No channel's events: the merges are the platform's own, which reach it whatever their type. */
    @Override
    default Set<EventType> types() {
        return EnumSet.noneOf(EventType.class);
    }

    @Override
    default Set<String> names() {
        return Set.of(EventNames.PROFILES_MERGED, EventNames.PROFILES_UNMERGED);
    }
}
