package io.throughline.customers;

import io.throughline.platform.StaffRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether a member of staff may page through every customer or only look customers up. A store associate serves
 * the customer in front of her: she finds her by email, phone or name, and by default may not list everyone's
 * personal data (property {@code throughline.console.associates-browse-customers}, false unless a brand decides
 * otherwise). Administrators, agents and marketers browse as before.
 */
@Component
public class CustomerBrowsing {

    /** The shortest query a look-up takes: fewer characters would match half the customers. */
    public static final int SHORTEST_LOOKUP = 3;

    private final boolean associatesBrowse;

    CustomerBrowsing(@Value("${throughline.console.associates-browse-customers:false}") boolean associatesBrowse) {
        this.associatesBrowse = associatesBrowse;
    }

    /** False when this member of staff may only look up, and the query is too short to be a look-up. */
    public boolean allows(Authentication staff, String query) {
        return associatesBrowse || query.strip().length() >= SHORTEST_LOOKUP || staff.getAuthorities().stream()
                .noneMatch(granted -> StaffRole.STORE_ASSOCIATE.authority().equals(granted.getAuthority()));
    }
}
