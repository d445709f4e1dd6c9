package io.throughline.tracking;

import java.time.Instant;
import java.util.UUID;

/** A new write key. The key itself is shown this once; only its digest is kept. */
public record IssuedWriteKey(UUID id, UUID sourceId, String writeKey, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedWriteKey[id=" + id + ", sourceId=" + sourceId + "]";
    }
}
