package io.throughline.messaging;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.UUID;

/** The recorded channel decisions of a customer, for her Customer 360 and the API. */
public interface MessageDecisions {

    /** Newest first. */
    Page<MessageDecision> forProfile(UUID profileId, PageRequest pageRequest);
}
