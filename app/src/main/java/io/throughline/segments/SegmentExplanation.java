package io.throughline.segments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why a customer is in a segment or not, at a moment: each condition of the definition with whether it held
 * and the value that decided it ("3 events in 30d", "age 34", "12.4 km").
 */
public record SegmentExplanation(String segmentKey, UUID profileId, Instant at, boolean member, Node condition) {

    /** One condition of the tree. */
    public record Node(String condition, boolean holds, String value, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }
    }
}
