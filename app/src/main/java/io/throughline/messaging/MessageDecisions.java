package io.throughline.messaging;

import io.throughline.platform.Keyset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The recorded channel decisions of a customer, for her Customer 360 and the API. */
public interface MessageDecisions {

    /**
     * Newest first, {@code size} of them from just after the cursor (from the newest when it is null); the list
     * grows with every dispatch, so it is paged by key, not by page number.
     */
    Keyset.Slice<MessageDecision> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size);
}
