package io.throughline.privacy.internal.requests;

import io.throughline.privacy.ErasureReceipt;
import io.throughline.privacy.PersonalData;
import java.io.OutputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a request reaches the personal-data engine: the erasure and the export. The requests never touch other
 * modules' data themselves; everything the registry asks of every table happens behind these two calls.
 */
@Component
class PersonalDataCalls {

    private final PersonalData personalData;
    private final JsonMapper json;

    PersonalDataCalls(PersonalData personalData, JsonMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    /** Erases the customer everywhere and answers the signed receipt, as JSON to keep with the request. */
    String erase(UUID profileId, String requestReference) {
        ErasureReceipt receipt = personalData.erase(profileId, requestReference);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(receipt);
    }

    void export(UUID profileId, OutputStream zip) {
        personalData.export(profileId, zip);
    }
}
