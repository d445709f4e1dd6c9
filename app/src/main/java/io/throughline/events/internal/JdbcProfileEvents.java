package io.throughline.events.internal;

import io.throughline.events.ProfileEvents;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcProfileEvents implements ProfileEvents {

    private final JdbcClient jdbc;

    JdbcProfileEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int reassign(UUID current, UUID target, Collection<UUID> originalProfiles,
            Collection<String> resolvedVia) {
        return jdbc.sql("""
                UPDATE events.event SET profile_id = ?
                WHERE profile_id = ? AND (resolved_profile_id = ANY(?) OR resolved_via = ANY(?))""")
                .params(target, current, originalProfiles.toArray(UUID[]::new), resolvedVia.toArray(String[]::new))
                .update();
    }
}
