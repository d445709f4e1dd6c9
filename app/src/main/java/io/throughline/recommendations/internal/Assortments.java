package io.throughline.recommendations.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.catalog.Catalogue;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.LocationAvailability;
import io.throughline.platform.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a channel sells and has in stock, for the guardrails. Whether a channel sells a product is asked of the
 * catalogue per product and remembered for a minute: the candidates of an answer are few, and a whole range read
 * page by page costs minutes once the catalogue holds a hundred thousand products. Stock is asked of inventory's
 * availability (itself a cache), and only for a channel that has stock locations: a channel without any does not
 * keep stock here.
 */
@Component
class Assortments {

    private record Offer(String channel, String sku) {}

    private final Catalogue catalogue;
    private final Availability availability;
    private final Clock clock;
    private final LoadingCache<Offer, Boolean> sold;
    private final LoadingCache<String, Boolean> keepsStock;

    Assortments(Catalogue catalogue, Availability availability, Clock clock) {
        this.catalogue = catalogue;
        this.availability = availability;
        this.clock = clock;
        this.sold = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(1))
                .build(this::soldNow);
        this.keepsStock = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1))
                .build(channel -> !availability.locationsOf(channel).isEmpty());
    }

    boolean sells(String channel, String sku) {
        return sold.get(new Offer(channel, sku));
    }

    boolean inStock(String channel, String sku, @Nullable UUID pickupLocation) {
        if (!keepsStock.get(channel)) {
            return true;
        }
        ChannelAvailability stock = availability.of(new Sku(sku), channel);
        if (pickupLocation == null) {
            return stock.available() > 0;
        }
        for (LocationAvailability location : stock.locations()) {
            if (location.locationId().equals(pickupLocation)) {
                return location.available() > 0;
            }
        }
        return false;
    }

    private boolean soldNow(Offer offer) {
        try {
            return catalogue.isSoldOn(new Sku(offer.sku()), offer.channel(), clock.instant());
        } catch (InvalidRequestException notASku) {
            return false;
        }
    }
}
