package io.throughline.segments.internal;

import io.throughline.platform.Keyset;
import io.throughline.platform.KeysetQuery;
import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is in which segment ({@code segments.membership}) and members over time ({@code segments.member_count}). */
@Repository
class MembershipStore {

    /** One member, since when. */
    record Member(UUID profileId, Instant enteredAt) {}

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Her segments, with when she entered each. */
    Map<UUID, Instant> of(UUID profileId) {
        Map<UUID, Instant> segments = new HashMap<>();
        jdbc.sql("SELECT segment_id, entered_at FROM segments.membership WHERE profile_id = ?").param(profileId)
                .query(rs -> {
                    segments.put(Rows.uuid(rs, "segment_id"), Rows.instant(rs, "entered_at"));
                });
        return segments;
    }

    boolean isMember(String segmentKey, UUID profileId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM segments.membership m JOIN segments.segment s ON s.id = m.segment_id
                               WHERE s.key = ? AND m.profile_id = ?)""").params(segmentKey, profileId)
                .query(Boolean.class).single();
    }

    List<String> keysOf(UUID profileId) {
        return jdbc.sql("""
                SELECT s.key FROM segments.membership m JOIN segments.segment s ON s.id = m.segment_id
                WHERE m.profile_id = ? ORDER BY s.key""").param(profileId).query(String.class).list();
    }

    /** Whether she was not a member before. */
    boolean enter(UUID segmentId, UUID profileId, Instant at) {
        return jdbc.sql("""
                INSERT INTO segments.membership (segment_id, profile_id, entered_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(segmentId, profileId, Rows.timestamp(at)).update() == 1;
    }

    /** Whether she was a member before. */
    boolean exit(UUID segmentId, UUID profileId) {
        return jdbc.sql("DELETE FROM segments.membership WHERE segment_id = ? AND profile_id = ?")
                .params(segmentId, profileId).update() == 1;
    }

    /** A merged profile is no one any more: its memberships go (the survivor's are evaluated anew). */
    void forget(UUID profileId) {
        jdbc.sql("DELETE FROM segments.membership WHERE profile_id = ?").param(profileId).update();
    }

    long count(UUID segmentId) {
        return jdbc.sql("SELECT count(*) FROM segments.membership WHERE segment_id = ?").param(segmentId)
                .query(Long.class).single();
    }

    Keyset.Slice<Member> members(UUID segmentId, Keyset.@Nullable Cursor after, int size) {
        return new KeysetQuery("profile_id, entered_at", "FROM segments.membership WHERE segment_id = ?",
                "entered_at", "profile_id", List.of(segmentId))
                .read(jdbc, after, size, (rs, row) -> new Member(Rows.uuid(rs, "profile_id"),
                        Rows.instant(rs, "entered_at")), member -> new Keyset.Cursor(member.enteredAt(),
                        member.profileId()));
    }

    /** Notes today's size: one sample per segment per call. */
    void sample(UUID segmentId, Instant at) {
        jdbc.sql("""
                INSERT INTO segments.member_count (segment_id, at, members)
                SELECT ?, ?, count(*) FROM segments.membership WHERE segment_id = ?
                ON CONFLICT (segment_id, at) DO UPDATE SET members = excluded.members""")
                .params(segmentId, Rows.timestamp(at), segmentId).update();
    }

    void sampleAll(Instant at) {
        jdbc.sql("""
                INSERT INTO segments.member_count (segment_id, at, members)
                SELECT s.id, ?, (SELECT count(*) FROM segments.membership m WHERE m.segment_id = s.id)
                FROM segments.segment s
                ON CONFLICT (segment_id, at) DO UPDATE SET members = excluded.members""")
                .param(Rows.timestamp(at)).update();
    }

    /** Samples of the member count since {@code from}, oldest first. */
    List<Map.Entry<Instant, Long>> counts(UUID segmentId, Instant from) {
        return jdbc.sql("""
                SELECT at, members FROM segments.member_count WHERE segment_id = ? AND at >= ? ORDER BY at""")
                .params(segmentId, Rows.timestamp(from))
                .query((rs, row) -> Map.entry(Rows.instant(rs, "at"), rs.getLong("members"))).list();
    }

    List<UUID> all(UUID segmentId) {
        return jdbc.sql("SELECT profile_id FROM segments.membership WHERE segment_id = ?").param(segmentId)
                .query(UUID.class).list();
    }
}
