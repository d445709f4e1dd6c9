package io.throughline.inventory;

import java.util.UUID;

/** A location whose stock a channel may sell, keeping back {@code safetyStock} units of every SKU. */
public record ChannelLocation(String channel, UUID locationId, String locationCode, int safetyStock) {}
