package io.throughline.orders.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.inventory.StockLocations;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The code of each stock location a shipment is fulfilled from, remembered for a short while: every order names
 * the same few locations, and reading one whole (address and all) cost a checkout as much as confirming its
 * allocation. A location's code changes only when staff rename it; a shipment placed within the half minute
 * after that still shows the old code beside the location's id.
 */
@Component
class LocationCodes {

    private final StockLocations locations;
    private final Cache<UUID, String> codes = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    LocationCodes(StockLocations locations) {
        this.locations = locations;
    }

    String of(UUID locationId) {
        return codes.get(locationId, id -> locations.get(id).code());
    }
}
