package io.throughline.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The audit log of staff reading customers' personal data. */
public interface AccessAudit {

    /** One read, as listed to admins. */
    record Access(UUID staffId, UUID profileId, String action, Instant accessedAt) {}

    /** Notes that a member of staff read these customers' personal data, and what they read. */
    void record(UUID staffId, Collection<UUID> profileIds, String action);

    List<Access> forProfile(UUID profileId, int limit);
}
