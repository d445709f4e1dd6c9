package io.throughline.messaging.internal;

import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A store associate assigned to a shop works that shop's tasks only, as she works its pick list and pickups;
 * administrators and an associate with no shop yet are not limited. Tasks name their shop by its channel key.
 */
@Component
class AssociateShops {

    private final StaffAccounts staffAccounts;
    private final StockLocations locations;

    AssociateShops(StaffAccounts staffAccounts, StockLocations locations) {
        this.staffAccounts = staffAccounts;
        this.locations = locations;
    }

    void check(Authentication staff, String shop) {
        boolean associate = staff.getAuthorities().stream()
                .anyMatch(granted -> StaffRole.STORE_ASSOCIATE.authority().equals(granted.getAuthority()));
        if (!associate) {
            return;
        }
        StaffAccount account = staffAccounts.get(CurrentStaff.id(staff));
        if (account.shopId() == null) {
            return;
        }
        boolean own = locations.findByCode(shop).map(StockLocation::id).filter(account.shopId()::equals).isPresent();
        if (!own) {
            throw new AccessDeniedException("Another shop's tasks");
        }
    }
}
