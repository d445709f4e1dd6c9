package io.throughline.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person was erased: every module that keeps something about these profile ids in memory (identity
 * caches, snapshots) forgets it. Published in the erasure's transaction; the rows are already gone or
 * anonymised when listeners run.
 */
public record CustomerErased(UUID profileId, List<UUID> erasedProfileIds, Instant erasedAt) {

    public CustomerErased {
        erasedProfileIds = List.copyOf(erasedProfileIds);
    }
}
