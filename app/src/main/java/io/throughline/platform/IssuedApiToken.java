package io.throughline.platform;

import java.time.Instant;
import java.util.UUID;

/** A freshly created API token. The secret is shown this once; only its digest is stored. */
public record IssuedApiToken(UUID id, UUID staffId, String name, String token, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedApiToken[id=" + id + ", staffId=" + staffId + ", name=" + name + "]";
    }
}
