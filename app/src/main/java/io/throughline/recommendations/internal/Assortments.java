package io.throughline.recommendations.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.catalog.ProductFilter;
import io.throughline.catalog.ProductSummary;
import io.throughline.catalog.Products;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.LocationAvailability;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a channel sells and has in stock, for the guardrails. The range of each channel is kept in memory and
 * refreshed in the background every minute (a stale range answers meanwhile), since asking the catalogue product
 * by product would cost more than the whole answer may. Stock is asked of inventory's availability (itself a
 * cache), and only for a channel that has stock locations: a channel without any does not keep stock here.
 */
@Component
class Assortments {

    private record Range(Set<String> skus, boolean keepsStock) {}

    private final Products products;
    private final Availability availability;
    private final LoadingCache<String, Range> ranges;

    Assortments(Products products, Availability availability) {
        this.products = products;
        this.availability = availability;
        this.ranges = Caffeine.newBuilder().maximumSize(1_000).refreshAfterWrite(Duration.ofMinutes(1))
                .build(this::load);
    }

    boolean sells(String channel, String sku) {
        return ranges.get(channel).skus().contains(sku);
    }

    boolean inStock(String channel, String sku, @Nullable UUID pickupLocation) {
        if (!ranges.get(channel).keepsStock()) {
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

    private Range load(String channel) {
        Set<String> skus = new HashSet<>();
        ProductFilter filter = new ProductFilter(null, null, channel, true);
        for (int page = 0; ; page++) {
            Page<ProductSummary> found = products.list(filter, new PageRequest(page, PageRequest.MAX_SIZE));
            found.items().forEach(product -> product.skus().forEach(sku -> skus.add(sku.value())));
            if (!found.hasNext()) {
                break;
            }
        }
        return new Range(Set.copyOf(skus), !availability.locationsOf(channel).isEmpty());
    }
}
