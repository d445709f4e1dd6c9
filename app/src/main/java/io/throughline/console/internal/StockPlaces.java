package io.throughline.console.internal;

import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The locations a stock form offers, and which one it offers first: the shop the signed-in member of staff
 * works in, never simply the first in the list, so that nobody books goods into another shop by not looking.
 */
@Component
class StockPlaces {

    /** A brand has a warehouse or two and tens of shops; all of them fit one select. */
    private static final int MAX_LOCATIONS = PageRequest.MAX_SIZE;

    private final StockLocations locations;
    private final StaffAccounts staff;

    StockPlaces(StockLocations locations, StaffAccounts staff) {
        this.locations = locations;
        this.staff = staff;
    }

    /** By name. */
    List<StockLocation> all() {
        return locations.list(new PageRequest(0, MAX_LOCATIONS)).items();
    }

    Map<UUID, String> names() {
        return all().stream().collect(Collectors.toMap(StockLocation::id, StockLocation::name));
    }

    /** The shop she works in, when her account names one that exists. */
    Optional<StockLocation> ownShop(Authentication signedIn) {
        UUID shop = staff.get(CurrentStaff.id(signedIn)).shopId();
        return shop == null ? Optional.empty() : Optional.ofNullable(find(shop));
    }

    @Nullable UUID ownShopId(Authentication signedIn) {
        return ownShop(signedIn).map(StockLocation::id).orElse(null);
    }

    /** A location chosen on a form, or null when the id names none. */
    @Nullable StockLocation find(@Nullable UUID id) {
        if (id == null) {
            return null;
        }
        return all().stream().collect(Collectors.toMap(StockLocation::id, Function.identity())).get(id);
    }
}
