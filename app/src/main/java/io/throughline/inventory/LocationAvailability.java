package io.throughline.inventory;

import java.util.UUID;

/** One eligible location's part of a channel's availability: {@code max(0, onHand − reserved − safetyStock)}. */
public record LocationAvailability(UUID locationId, String locationCode, int onHand, int reserved, int safetyStock,
        int available) {}
