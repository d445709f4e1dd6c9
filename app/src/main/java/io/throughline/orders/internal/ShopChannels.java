package io.throughline.orders.internal;

import io.throughline.platform.Channel;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.Sources;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** Whether a channel is a shop's till; a source keeps its channel type for life, so each is asked once per node. */
@Component
class ShopChannels {

    private final Sources sources;
    private final ConcurrentMap<UUID, Boolean> shops = new ConcurrentHashMap<>();

    ShopChannels(Sources sources) {
        this.sources = sources;
    }

    boolean isShop(Channel channel) {
        return shops.computeIfAbsent(channel.sourceId(),
                source -> sources.get(source).channelType() == ChannelType.STORE);
    }
}
