package io.throughline.privacy;

import java.util.List;
import java.util.UUID;

/** Reading and recording what customers consented to. */
public interface Consents {

    /** The customer's consent statements in force, one per purpose and channel she has stated. */
    List<Consent> of(UUID profileId);

    /** Records a statement unless a later one for the same purpose and channel is already recorded. */
    void record(UUID profileId, Consent consent);

    /**
     * After a merge is undone: the survivor gives back the statements it copied from the restored profile at
     * the merge, and both profiles' statements from identify calls are derived again from the events each
     * holds now. Runs in the caller's transaction.
     */
    void splitAfterUnmerge(UUID survivor, UUID restored);
}
