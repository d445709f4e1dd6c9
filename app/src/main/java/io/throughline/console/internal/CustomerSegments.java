package io.throughline.console.internal;

import io.throughline.platform.NotFoundException;
import io.throughline.segments.SegmentMembers;
import io.throughline.segments.Segments;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The segments a customer is in, by name, for the panel on her Customer 360 page ({@code @customerSegments}). */
@Component("customerSegments")
class CustomerSegments {

    /** A segment she is in. */
    record Row(String key, String name) {}

    private final SegmentMembers members;
    private final Segments segments;

    CustomerSegments(SegmentMembers members, Segments segments) {
        this.members = members;
        this.segments = segments;
    }

    public List<Row> of(UUID profileId) {
        List<Row> rows = new ArrayList<>();
        for (String key : members.segmentsOf(profileId)) {
            try {
                rows.add(new Row(key, segments.get(key).name()));
            } catch (NotFoundException removed) {
                // Gone between the two reads.
            }
        }
        return rows;
    }
}
