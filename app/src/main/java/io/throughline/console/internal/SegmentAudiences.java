package io.throughline.console.internal;

import io.throughline.analytics.Audience;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.platform.NotFoundException;
import io.throughline.segments.Segment;
import io.throughline.segments.Segments;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A segment's members now, read through the segments module's API, as the audience the dashboard narrows its KPIs to.
 * Analytics never calls segments (segments may call analytics for churn risk), so the page that knows both joins them.
 */
@Component
class SegmentAudiences {

    /** The largest slice the segments API gives at once. */
    static final int PAGE = io.throughline.platform.PageRequest.MAX_SIZE;
    static final int MAX_MEMBERS = 200_000;

    private final Segments segments;

    SegmentAudiences(Segments segments) {
        this.segments = segments;
    }

    /** The segments to choose from, by key. */
    List<Segment> choices() {
        return segments.list(new io.throughline.platform.PageRequest(0, io.throughline.platform.PageRequest.MAX_SIZE))
                .items();
    }

    /** The segment's members; refused at {@code segment} when there is no such segment or it is too large to narrow to. */
    @Nullable Audience of(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            segments.get(key);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("segment", "is not a segment");
        }
        Set<UUID> members = new HashSet<>();
        Keyset.Cursor after = null;
        while (true) {
            Keyset.Slice<Segments.Member> slice = segments.members(key, after, PAGE);
            slice.items().forEach(member -> members.add(member.profileId()));
            if (members.size() > MAX_MEMBERS) {
                throw new InvalidRequestException("segment", "has more than " + MAX_MEMBERS + " members to narrow to");
            }
            if (slice.next() == null || slice.items().isEmpty()) {
                return new Audience(key, members);
            }
            after = Keyset.Cursor.parse("segment", slice.next());
        }
    }
}
