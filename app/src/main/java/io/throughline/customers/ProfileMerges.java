package io.throughline.customers;

import java.util.UUID;

/** Undoing merges that identity resolution made. */
public interface ProfileMerges {

    /**
     * Splits the merged profile back out of the survivor, as it was: its identifiers, traits and events, and
     * those that arrived since through its identifiers. Recorded with the member of staff who did it.
     */
    UnmergeOutcome unmerge(UUID mergeId, UUID staffId);
}
