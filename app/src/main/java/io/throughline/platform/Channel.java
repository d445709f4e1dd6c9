package io.throughline.platform;

import java.util.UUID;

/**
 * A channel the brand sells or talks through ({@code web}, {@code app}, {@code shop-budapest}), as checked once
 * at the edge: its key is a source's channel key, and its source is where the customer events it causes land.
 * Code past the edge takes this type, never a raw channel string, so an unknown channel cannot get that far.
 */
public record Channel(String key, UUID sourceId) {

    public Channel {
        if (key.isBlank()) {
            throw new IllegalArgumentException("A channel key is never blank");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
