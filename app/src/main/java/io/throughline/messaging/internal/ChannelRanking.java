package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the channels that may carry a message by the customer's engagement score on each, highest first;
 * channels she has not engaged on (score zero) follow in the brand's fallback order, and channels missing from
 * that order come last.
 */
final class ChannelRanking {

    private ChannelRanking() {}

    static List<MessageChannel> rank(Collection<MessageChannel> candidates, Map<MessageChannel, Double> scores,
            List<MessageChannel> fallbackOrder) {
        Comparator<MessageChannel> byScore = Comparator.comparingDouble(
                (MessageChannel channel) -> scores.getOrDefault(channel, 0.0)).reversed();
        Comparator<MessageChannel> byFallback = Comparator.comparingInt(channel -> {
            int position = fallbackOrder.indexOf(channel);
            return position < 0 ? Integer.MAX_VALUE : position;
        });
        return candidates.stream().distinct().sorted(byScore.thenComparing(byFallback)
                .thenComparing(MessageChannel::ordinal)).toList();
    }
}
