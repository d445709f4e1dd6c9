package io.throughline.console.internal;

import io.throughline.inventory.LocationKind;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PriceLists;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The shop a till works for. A tablet stays at its counter, so the associate picks the shop once and the session
 * keeps it; with one shop there is nothing to pick. The shop's code is the channel key its till sells under.
 */
@Component
class TillShops {

    static final String SESSION_KEY = "till.shop";

    private final StockLocations locations;
    private final PriceLists priceLists;

    TillShops(StockLocations locations, PriceLists priceLists) {
        this.locations = locations;
        this.priceLists = priceLists;
    }

    List<StockLocation> shops() {
        return locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(location -> location.kind() == LocationKind.SHOP).toList();
    }

    /** The session's shop, or the only one there is; empty while the associate has not picked one. */
    Optional<StockLocation> current(HttpSession session) {
        Object chosen = session.getAttribute(SESSION_KEY);
        if (chosen instanceof UUID id) {
            return shops().stream().filter(shop -> shop.id().equals(id)).findFirst();
        }
        List<StockLocation> shops = shops();
        return shops.size() == 1 ? Optional.of(shops.getFirst()) : Optional.empty();
    }

    /** Remembers the shop with the code for this session; false when no shop has that code. */
    boolean choose(HttpSession session, @Nullable String code) {
        Optional<StockLocation> shop = shops().stream()
                .filter(candidate -> code != null && candidate.code().equals(code.strip())).findFirst();
        shop.ifPresent(found -> session.setAttribute(SESSION_KEY, found.id()));
        return shop.isPresent();
    }

    /** The currency a new sale at the shop is priced in: that of the price list the shop's channel sells from. */
    Optional<String> currency(StockLocation shop) {
        List<PriceList> lists = priceLists.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
        return lists.stream().filter(list -> list.channels().contains(shop.code())).findFirst()
                .or(() -> lists.stream().filter(list -> list.channels().isEmpty() && list.customerGroup() == null)
                        .findFirst())
                .map(PriceList::currency);
    }

    String name(UUID locationId) {
        return locations.get(locationId).name();
    }
}
