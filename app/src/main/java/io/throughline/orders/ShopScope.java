package io.throughline.orders;

import io.throughline.platform.StaffAccount;
import io.throughline.platform.StaffRole;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which locations' fulfilment work a member of staff may see and do: a store associate assigned to a shop works
 * that shop's pick list, pickups and returns only; administrators, agents and an associate with no shop yet are
 * not limited (the administrator assigns the shop on the staff page).
 */
public final class ShopScope {

    private ShopScope() {}

    public static boolean allows(StaffAccount staff, UUID locationId) {
        return staff.role() != StaffRole.STORE_ASSOCIATE || staff.shopId() == null
                || staff.shopId().equals(locationId);
    }

    /** Refused as forbidden: the API answers a 403 problem, the console its "Not allowed" page. */
    public static void check(StaffAccount staff, UUID locationId) {
        if (!allows(staff, locationId)) {
            throw new AccessDeniedException("Another shop's fulfilment work");
        }
    }
}
