package io.throughline.tracking;

import io.throughline.platform.Channel;
import java.util.Optional;

/** The channels the brand has: each is a source's channel key. */
public interface Channels {

    /**
     * The channel with this key, for a request that names it; refused as field {@code channel} when it is missing
     * or no source has it.
     */
    Channel resolve(String key);

    Optional<Channel> find(String key);
}
