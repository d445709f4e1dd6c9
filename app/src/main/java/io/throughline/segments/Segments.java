package io.throughline.segments;

import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Segment definitions for marketers: saved after the checks (a refusal names the JSON path at fault), then
 * evaluated over every profile in a batch while the log keeps memberships live.
 */
public interface Segments {

    /** Saves a new segment and starts its batch evaluation. */
    Segment create(JsonNode definition);

    /** Saves the definition as the next version and evaluates it again over every profile. */
    Segment update(String key, JsonNode definition);

    Segment get(String key);

    Page<Segment> list(PageRequest page);

    /** How many profiles the definition would hold now, without saving it. */
    long preview(JsonNode definition);

    /** Why she is in or out of the segment now, condition by condition. */
    SegmentExplanation explain(String key, UUID profileId);

    /** The members, latest entries first. */
    Keyset.Slice<Member> members(String key, Keyset.@Nullable Cursor after, int size);

    /** Members over time, from samples taken after each batch evaluation and every hour. */
    List<MemberCount> counts(String key, Instant from);

    record Member(UUID profileId, Instant enteredAt) {}

    record MemberCount(Instant at, long members) {}
}
