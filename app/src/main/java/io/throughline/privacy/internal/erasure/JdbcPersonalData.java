package io.throughline.privacy.internal.erasure;

import io.throughline.privacy.ErasureReceipt;
import io.throughline.privacy.PersonalData;
import io.throughline.privacy.internal.InstallationSecrets;
import java.io.OutputStream;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class JdbcPersonalData implements PersonalData {

    private final EraseCustomer erasure;
    private final ExportCustomer export;
    private final InstallationSecrets secrets;

    JdbcPersonalData(EraseCustomer erasure, ExportCustomer export, InstallationSecrets secrets) {
        this.erasure = erasure;
        this.export = export;
        this.secrets = secrets;
    }

    @Override
    public ErasureReceipt erase(UUID profileId, String requestReference) {
        return erasure.erase(profileId, requestReference);
    }

    @Override
    public void export(UUID profileId, OutputStream zip) {
        export.export(profileId, zip);
    }

    @Override
    public boolean verify(ErasureReceipt receipt) {
        return receipt.verify(secrets.receiptKey());
    }
}
