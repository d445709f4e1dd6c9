package io.throughline.privacy.internal.requests;

import java.io.OutputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where a request reaches the personal-data engine: the erasure and the export. The requests never touch other
 * modules' data themselves; everything the law asks of every table happens behind these two calls.
 */
@Component
class PersonalDataCalls {

    /** Erases the customer everywhere and answers the signed receipt, as JSON. */
    String erase(UUID profileId, String requestReference) {
        throw new UnsupportedOperationException("the erasure engine has not landed yet");
    }

    void export(UUID profileId, OutputStream zip) {
        throw new UnsupportedOperationException("the export engine has not landed yet");
    }
}
