package io.throughline.inventory;

import java.util.List;
import java.util.UUID;

/** A shop where the SKU can be picked up, with how far it is from the shopper. */
public record PickupOption(UUID locationId, String code, String name, Address address, double latitude,
        double longitude, List<OpeningHours> openingHours, int available, double distanceKm) {

    public PickupOption {
        openingHours = List.copyOf(openingHours);
    }
}
