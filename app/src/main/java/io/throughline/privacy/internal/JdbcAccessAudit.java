package io.throughline.privacy.internal;

import io.throughline.platform.Rows;
import io.throughline.privacy.AccessAudit;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAccessAudit implements AccessAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAccessAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(UUID staffId, Collection<UUID> profileIds, String action) {
        if (profileIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO privacy.access_log (staff_id, profile_id, action, accessed_at)
                SELECT ?, p, ?, ? FROM unnest(?::uuid[]) AS p""")
                .params(staffId, action, Rows.timestamp(clock.instant()), profileIds.toArray(UUID[]::new))
                .update();
    }

    @Override
    public List<Access> forProfile(UUID profileId, int limit) {
        return jdbc.sql("""
                SELECT staff_id, profile_id, action, accessed_at FROM privacy.access_log
                WHERE profile_id = ? ORDER BY accessed_at DESC, id DESC LIMIT ?""").params(profileId, limit)
                .query((rs, row) -> new Access(Rows.uuid(rs, "staff_id"), Rows.uuid(rs, "profile_id"),
                        rs.getString("action"), Rows.instant(rs, "accessed_at")))
                .list();
    }
}
