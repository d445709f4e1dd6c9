package io.throughline.carts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.platform.InvalidRequestException;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The channel a cart request comes from must be a source's channel key, so its customer events land on that
 * source. Known channels are remembered for a minute: every cart request asks, sources rarely change.
 */
@Component
class Channels {

    private final Sources sources;
    private final Cache<String, Source> known = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    Channels(Sources sources) {
        this.sources = sources;
    }

    /** The source of the channel; refused when no source has it. */
    UUID sourceOf(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new InvalidRequestException("channel", "is required: the channel key of the calling source, e.g. web");
        }
        Source source = known.getIfPresent(channel);
        if (source == null) {
            source = sources.findByChannel(channel).orElseThrow(() -> new InvalidRequestException("channel",
                    "'" + channel + "' is not a known channel: no source has this channel key"));
            known.put(channel, source);
        }
        return source.id();
    }
}
