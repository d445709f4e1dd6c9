package io.throughline.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A warehouse or a shop that holds stock. */
public record StockLocation(UUID id, String code, String name, LocationKind kind, Address address, double latitude,
        double longitude, List<OpeningHours> openingHours, boolean pickup, boolean shipFromStore, Instant createdAt,
        Instant updatedAt) {

    public StockLocation {
        openingHours = List.copyOf(openingHours);
    }
}
