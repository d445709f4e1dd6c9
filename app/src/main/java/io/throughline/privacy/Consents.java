package io.throughline.privacy;

import java.util.List;
import java.util.UUID;

/** Reading and recording what customers consented to. */
public interface Consents {

    /** The customer's consent statements in force, one per purpose and channel she has stated. */
    List<Consent> of(UUID profileId);

    /** Records a statement unless a later one for the same purpose and channel is already recorded. */
    void record(UUID profileId, Consent consent);
}
