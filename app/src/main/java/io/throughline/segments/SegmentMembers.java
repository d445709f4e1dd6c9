package io.throughline.segments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Membership as other modules ask for it: promotions, messages, recommendations and analytics. */
public interface SegmentMembers {

    boolean isMember(String segmentKey, UUID profileId);

    /** The keys of her segments, in key order. */
    List<String> segmentsOf(UUID profileId);

    /**
     * Every member of the segment, for filtering what a module already holds in memory (a funnel's customers);
     * empty when there is no such segment.
     */
    Optional<Set<UUID>> membersOf(String segmentKey);
}
