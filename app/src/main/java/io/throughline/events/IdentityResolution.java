package io.throughline.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Finds the profile for each event's identifiers while the log writes a batch, in the batch's transaction.
 * The log does not know how identities work; the customers module does, and provides this.
 */
public interface IdentityResolution {

    /**
     * The profile of each event, in order (null for an event that must not be stored: it names an erased person);
     * the identifier through which each was found ({@code type:value}, null for events that named their profile);
     * and the merges the batch caused.
     */
    record Resolved(List<@Nullable UUID> profiles, List<@Nullable String> resolvedVia, List<ProfilesMerged> merges) {}

    /** Two profiles turned out to be one customer: {@code merged} now lives on as {@code survivor}. */
    record ProfilesMerged(UUID survivor, UUID merged, String cause) {}

    Resolved resolve(List<List<Identifier>> identifiersPerEvent, Instant receivedAt);

    /**
     * Forgets whatever it remembers between batches about who holds which identifier. The log calls it when another
     * node (cluster mode) has moved identifiers between profiles, by a merge or an unmerge, since this node's last
     * batch: what this node remembers may then name a profile that lives on under another id.
     */
    default void forgetRemembered() {}
}
