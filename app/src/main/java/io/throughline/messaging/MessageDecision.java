package io.throughline.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded channel decision: what became of one dispatch to the customer, and why.
 *
 * @param channel    the channel sent, held or (control group) withheld on; absent when no channel could carry it
 * @param deliveryId the delivery of a send
 * @param decidedFor the dispatch's moment, at which caps and quiet hours were weighed
 */
public record MessageDecision(UUID id, UUID profileId, UUID messageId, MessagePurpose purpose, String origin,
        Outcome outcome, @Nullable MessageChannel channel, @Nullable UUID deliveryId, @Nullable Instant holdUntil,
        List<String> reasons, Instant decidedFor, Instant createdAt) {

    public MessageDecision {
        reasons = List.copyOf(reasons);
    }

    /** What the decision was. */
    public enum Outcome {
        SEND, HOLD, SKIP,
        /** Would have been sent, but the customer is in the global control group. */
        CONTROL;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
