package io.throughline.segments.internal;

import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-profile expiry timers ({@code segments.expiry}): when her memberships may change with no new event. */
@Repository
class ExpiryStore {

    private final JdbcClient jdbc;

    ExpiryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets her timer to that moment, or removes it when nothing but events can change her memberships. */
    void set(UUID profileId, @Nullable Instant dueAt) {
        if (dueAt == null) {
            jdbc.sql("DELETE FROM segments.expiry WHERE profile_id = ?").param(profileId).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO segments.expiry (profile_id, due_at) VALUES (?, ?)
                ON CONFLICT (profile_id) DO UPDATE SET due_at = excluded.due_at""")
                .params(profileId, Rows.timestamp(dueAt)).update();
    }

    /** The profiles whose timers are due, earliest first; not locked (the caller locks their facts first). */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("SELECT profile_id FROM segments.expiry WHERE due_at <= ? ORDER BY due_at LIMIT ?")
                .params(Rows.timestamp(now), limit).query(UUID.class).list();
    }

    /** Removes the due timers of these profiles (whose facts the caller holds); answers those it removed. */
    List<UUID> claim(List<UUID> profileIds, Instant now) {
        return jdbc.sql("DELETE FROM segments.expiry WHERE profile_id = ANY(?) AND due_at <= ? RETURNING profile_id")
                .params(profileIds.toArray(UUID[]::new), Rows.timestamp(now)).query(UUID.class).list();
    }

    @Nullable Instant of(UUID profileId) {
        return jdbc.sql("SELECT due_at FROM segments.expiry WHERE profile_id = ?").param(profileId)
                .query((rs, row) -> Rows.instant(rs, "due_at")).optional().orElse(null);
    }
}
