package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many marketing messages a customer may get in a rolling week: in total across all channels and journeys,
 * and on each channel. A channel without a cap of its own is only bound by the total.
 */
record FrequencyCaps(int total, Map<MessageChannel, Integer> perChannel) {

    static final Duration WINDOW = Duration.ofDays(7);

    static FrequencyCaps defaults() {
        Map<MessageChannel, Integer> perChannel = new EnumMap<>(MessageChannel.class);
        perChannel.put(MessageChannel.EMAIL, 2);
        perChannel.put(MessageChannel.SMS, 1);
        perChannel.put(MessageChannel.PUSH, 2);
        perChannel.put(MessageChannel.IN_APP, 3);
        return new FrequencyCaps(3, perChannel);
    }

    FrequencyCaps {
        perChannel = Map.copyOf(perChannel);
    }

    /**
     * Why one more marketing send on the channel would break a cap, given the marketing sends of the last week
     * per channel, if it would.
     */
    Optional<String> breach(MessageChannel channel, Map<MessageChannel, Integer> sentThisWeek) {
        int all = sentThisWeek.values().stream().mapToInt(Integer::intValue).sum();
        if (all >= total) {
            return Optional.of("frequency cap: " + all + " of " + total + " marketing messages in 7 days");
        }
        Integer cap = perChannel.get(channel);
        int onChannel = sentThisWeek.getOrDefault(channel, 0);
        if (cap != null && onChannel >= cap) {
            return Optional.of("frequency cap: " + onChannel + " of " + cap + " " + channel.key()
                    + " marketing messages in 7 days");
        }
        return Optional.empty();
    }
}
