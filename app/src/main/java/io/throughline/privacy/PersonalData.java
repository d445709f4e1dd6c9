package io.throughline.privacy;

import java.io.OutputStream;
import java.util.UUID;

/**
 * A customer's personal data across every module, as the personal-data registry describes it: exported for
 * her (access and portability), or erased (the right to be forgotten).
 */
public interface PersonalData {

    /**
     * Erases the person behind this profile id in every module, in one transaction: the profile, every profile
     * merged into it or it was merged into, and each table's rows as the registry says (deleted, anonymised,
     * or kept with a legal basis). Her identifiers go on the suppression list, so no channel recreates her
     * until she consents again. Returns a signed receipt of what was done; erasing a profile that is already
     * erased returns a receipt with nothing removed.
     *
     * @param requestReference the data-subject request (or other reference) this erasure answers, kept in
     *     the receipt
     * @throws io.throughline.platform.NotFoundException when no profile has ever had this id
     */
    ErasureReceipt erase(UUID profileId, String requestReference);

    /**
     * Writes a zip of everything held about the person behind this profile id (and the profiles merged with
     * it): one JSON and one CSV file per module and table ({@code <module>/<table>.json},
     * {@code <module>/<table>.csv}), her events included, and a {@code manifest.json}. The stream is not
     * closed.
     *
     * @throws io.throughline.platform.NotFoundException when no profile has ever had this id
     */
    void export(UUID profileId, OutputStream zip);

    /** Whether the receipt was signed by this installation and has not been altered since. */
    boolean verify(ErasureReceipt receipt);
}
