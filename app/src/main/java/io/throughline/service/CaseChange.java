package io.throughline.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A split or merge of cases by staff, kept so it can be undone.
 *
 * @param sourceId   merge: the case folded into the target; split: the case the messages were taken from
 * @param targetId   merge: the case that took the source in; split: the new case
 * @param messageIds split: the messages moved to the new case
 */
public record CaseChange(UUID id, Kind kind, UUID sourceId, UUID targetId, List<UUID> messageIds, UUID staffId,
        Instant madeAt, @Nullable Instant undoneAt) {

    public CaseChange {
        messageIds = List.copyOf(messageIds);
    }

    public enum Kind {
        MERGE, SPLIT
    }
}
