package io.throughline.inventory;

import java.time.Instant;
import java.util.List;

/** How many units of a SKU a channel can sell now, and from which of its locations. */
public record ChannelAvailability(String sku, String channel, int available, List<LocationAvailability> locations,
        Instant at) {

    public ChannelAvailability {
        locations = List.copyOf(locations);
    }
}
