package io.throughline.tracking.internal;

import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.tracking.Channels;
import io.throughline.tracking.Sources;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Channels looked up once per node: a source keeps its channel key and id for life, so a known channel is
 * remembered for good, while an unknown one is asked again (a source may be created for it any time).
 */
@Component
class KnownChannels implements Channels {

    private final Sources sources;
    private final ConcurrentMap<String, Channel> known = new ConcurrentHashMap<>();

    KnownChannels(Sources sources) {
        this.sources = sources;
    }

    @Override
    public Channel resolve(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("channel", "is required: the channel key of the calling source, e.g. web");
        }
        return find(key).orElseThrow(() -> new InvalidRequestException("channel",
                "'" + key + "' is not a known channel: no source has this channel key"));
    }

    @Override
    public Optional<Channel> find(String key) {
        Channel channel = known.get(key);
        if (channel != null) {
            return Optional.of(channel);
        }
        Optional<Channel> found = sources.findByChannel(key).map(source -> new Channel(source.channel(), source.id()));
        found.ifPresent(c -> known.putIfAbsent(key, c));
        return found;
    }
}
