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

    /**
     * The enabled source a live write key belongs to, for a channel other than collection that a source's clients
     * reach with the same key (the chat widget); empty for an unknown, revoked or disabled key.
     */
    Optional<Source> findByWriteKey(String writeKey);

    Source update(UUID id, @Nullable String name, @Nullable Integer eventsPerSecond, @Nullable Boolean enabled);

    /** Sets whether the source's write key is public (browser, app) or kept on the brand's servers. */
    Source changeTrust(UUID id, SourceTrust trust);

    /**
     * A new secret with which the brand's server signs user ids for the source's clients; the previous one stops
     * working. Answered once, here.
     */
    String issueUserIdSecret(UUID sourceId);

    /** A new random write key for the source. */
    IssuedWriteKey issueWriteKey(UUID sourceId);

    /** Stores a write key chosen outside (bootstrap for scripts and CI). */
    IssuedWriteKey importWriteKey(UUID sourceId, String writeKey);

    List<WriteKeySummary> writeKeys(UUID sourceId);

    void revokeWriteKey(UUID sourceId, UUID writeKeyId);
}
