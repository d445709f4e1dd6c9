package io.throughline.tracking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The sources that send events and their write keys. */
public interface Sources {

    Source create(NewSource source);

    Source get(UUID id);

    Optional<Source> findByChannel(String channel);

    List<Source> list();

    Source update(UUID id, @Nullable String name, @Nullable Integer eventsPerSecond, @Nullable Boolean enabled);

    /** A new random write key for the source. */
    IssuedWriteKey issueWriteKey(UUID sourceId);

    /** Stores a write key chosen outside (bootstrap for scripts and CI). */
    IssuedWriteKey importWriteKey(UUID sourceId, String writeKey);

    List<WriteKeySummary> writeKeys(UUID sourceId);

    void revokeWriteKey(UUID sourceId, UUID writeKeyId);
}
