package io.throughline.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of a {@link Dispatch}, with the reasons in the order they were weighed, e.g.
 * {@code ["sms skipped: no consent", "email held: quiet hours until 08:00 Europe/Budapest"]}.
 */
public sealed interface ChannelDecision {

    List<String> reasons();

    /** Sent on the channel; the delivery is absent in a dry run. */
    record Send(MessageChannel channel, @Nullable UUID deliveryId, List<String> reasons) implements ChannelDecision {
        public Send {
            reasons = List.copyOf(reasons);
        }
    }

    /** To be sent on the channel at the moment given, when the customer's quiet hours end. */
    record Hold(MessageChannel channel, Instant until, List<String> reasons) implements ChannelDecision {
        public Hold {
            reasons = List.copyOf(reasons);
        }
    }

    /** Not sent: no channel may carry it (no consent, capped, control group, no address). */
    record Skip(List<String> reasons) implements ChannelDecision {
        public Skip {
            reasons = List.copyOf(reasons);
        }
    }
}
