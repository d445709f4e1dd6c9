package io.throughline.segments;

import java.util.List;
import java.util.UUID;

/** Membership as other modules ask for it: promotions, messages, recommendations and analytics. */
public interface SegmentMembers {

    boolean isMember(String segmentKey, UUID profileId);

    /** The keys of her segments, in key order. */
    List<String> segmentsOf(UUID profileId);
}
