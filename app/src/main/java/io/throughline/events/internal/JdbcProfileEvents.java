package io.throughline.events.internal;

import io.throughline.events.ProfileEvents;
import java.util.Collection;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcProfileEvents implements ProfileEvents {

    private final JdbcClient jdbc;
    private final ObjectProvider<ClusterCoordination> cluster;

    JdbcProfileEvents(JdbcClient jdbc, ObjectProvider<ClusterCoordination> cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    @Override
    public int reassign(UUID current, UUID target, Collection<UUID> originalProfiles,
            Collection<String> resolvedVia) {
        // An unmerge moves identifiers back: the other nodes must not resolve with what they remember of them.
        cluster.ifAvailable(ClusterCoordination::identitiesMoved);
        return jdbc.sql("""
                UPDATE events.event SET profile_id = ?
                WHERE profile_id = ? AND (resolved_profile_id = ANY(?) OR resolved_via = ANY(?))""")
                .params(target, current, originalProfiles.toArray(UUID[]::new), resolvedVia.toArray(String[]::new))
                .update();
    }
}
