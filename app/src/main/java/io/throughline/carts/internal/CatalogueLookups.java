package io.throughline.carts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalogue as carts read it on every request, remembered for ten seconds: names and channel assortments
 * change rarely, and reading them anew on every add was a third of an add's statements. Prices are not
 * cached here — they come from the quote on every read.
 */
@Component
class CatalogueLookups {

    static final Duration FRESHNESS = Duration.ofSeconds(10);

    private record SoldOn(Sku sku, String channel) {}

    private final Catalogue catalogue;
    private final Cache<Sku, Optional<CatalogueItem>> items = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(FRESHNESS).build();
    private final Cache<SoldOn, Boolean> soldOn = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(FRESHNESS).build();

    CatalogueLookups(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    Optional<CatalogueItem> item(Sku sku) {
        return items.get(sku, catalogue::item);
    }

    Map<Sku, CatalogueItem> items(Collection<Sku> skus) {
        Map<Sku, CatalogueItem> found = new HashMap<>();
        List<Sku> missing = new java.util.ArrayList<>();
        for (Sku sku : skus) {
            Optional<CatalogueItem> known = items.getIfPresent(sku);
            if (known == null) {
                missing.add(sku);
            } else {
                known.ifPresent(item -> found.put(sku, item));
            }
        }
        if (!missing.isEmpty()) {
            Map<Sku, CatalogueItem> read = catalogue.items(missing);
            for (Sku sku : missing) {
                Optional<CatalogueItem> item = Optional.ofNullable(read.get(sku));
                items.put(sku, item);
                item.ifPresent(present -> found.put(sku, present));
            }
        }
        return found;
    }

    /** The item, refused as field {@code sku} when it is not in the catalogue or the channel does not sell it. */
    CatalogueItem sellable(Sku sku, String channel, Instant now) {
        CatalogueItem item = item(sku)
                .orElseThrow(() -> new InvalidRequestException("sku", sku + " is not in the catalogue"));
        if (!isSoldOn(sku, channel, now)) {
            throw new InvalidRequestException("sku", sku + " is not sold on channel " + channel);
        }
        return item;
    }

    boolean isSoldOn(Sku sku, String channel, Instant at) {
        return soldOn.get(new SoldOn(sku, channel), key -> catalogue.isSoldOn(sku, channel, at));
    }
}
