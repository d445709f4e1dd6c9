package io.throughline.platform;

import static io.throughline.platform.StaffRole.ADMIN;
import static io.throughline.platform.StaffRole.AGENT;
import static io.throughline.platform.StaffRole.ANALYST;
import static io.throughline.platform.StaffRole.MARKETER;
import static io.throughline.platform.StaffRole.STORE_ASSOCIATE;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read and do what: the one table both the management API's {@code @PreAuthorize} rules (through
 * {@link Rules}) and the console's navigation and pages read, so that the console never offers what the API
 * refuses, nor refuses what the API allows.
 */
public enum StaffPermission {
    READ_CUSTOMERS(ADMIN, AGENT, STORE_ASSOCIATE, MARKETER),
    EDIT_CUSTOMERS(ADMIN, AGENT, STORE_ASSOCIATE),
    /** Carts and orders: the till, the contact centre and the pick-up counter. */
    SELL(ADMIN, STORE_ASSOCIATE, AGENT),
    /** The till: taking money and goods across a shop's counter. */
    SELL_AT_TILL(ADMIN, STORE_ASSOCIATE),
    READ_CATALOG(ADMIN, MARKETER, AGENT, STORE_ASSOCIATE, ANALYST),
    EDIT_CATALOG(ADMIN, MARKETER),
    READ_STOCK(ADMIN, MARKETER, AGENT, STORE_ASSOCIATE, ANALYST),
    /** Goods in, shelf counts and transfers between shops. */
    KEEP_STOCK(ADMIN, STORE_ASSOCIATE),
    READ_PRICES(ADMIN, MARKETER, AGENT, STORE_ASSOCIATE, ANALYST),
    MANAGE_PRICES(ADMIN, MARKETER),
    /** Journeys, their versions and their per-step statistics. */
    READ_JOURNEYS(ADMIN, MARKETER, ANALYST),
    STEER_JOURNEYS(ADMIN, MARKETER),
    /** Messages and their previews; agents read them to answer customers. */
    READ_MESSAGES(ADMIN, MARKETER, AGENT),
    EDIT_MESSAGES(ADMIN, MARKETER),
    MANAGE_SOURCES(ADMIN),
    MANAGE_STAFF(ADMIN),
    /** Working data-subject requests and erasing customers: the brand's privacy officer acts as an administrator. */
    MANAGE_PRIVACY(ADMIN),
    /** Segments, their sizes and member counts over time: aggregates, so analysts read them too. */
    READ_SEGMENTS(ADMIN, MARKETER, ANALYST),
    EDIT_SEGMENTS(ADMIN, MARKETER),
    /** Who is in a segment and why: customers' data, so not for analysts. */
    READ_SEGMENT_MEMBERS(ADMIN, MARKETER),
    /** A segment's consenting members' email addresses and phone numbers, for an advertising platform. */
    EXPORT_AUDIENCES(ADMIN, MARKETER),
    /** The loyalty programme and its rules, and running the expiry of points. */
    MANAGE_LOYALTY(ADMIN, MARKETER),
    /** Adding or taking a member's points, always with a reason. */
    ADJUST_POINTS(ADMIN, AGENT, STORE_ASSOCIATE),
    /** The programme and its figures (points outstanding and their value, redemption rate); no customer's data. */
    READ_LOYALTY(ADMIN, MARKETER, AGENT, STORE_ASSOCIATE, ANALYST),
    /** The service inbox: reading customers' conversations, answering, assigning, noting calls. */
    ANSWER_CUSTOMERS(ADMIN, AGENT),
    /** The inbox's agents and capacities, canned answers, reopening period, SLA target and mailboxes. */
    CONFIGURE_SERVICE(ADMIN),
    /** Bringing another system's order history in: it writes orders, customers and products at once. */
    IMPORT_ORDERS(ADMIN),
    /** A customer's recommendations and why: they come from her history, so those who may read her. */
    READ_RECOMMENDATIONS(ADMIN, AGENT, STORE_ASSOCIATE, MARKETER),
    /** Rebuilding the recommendations model at once, instead of at its next scheduled build. */
    MANAGE_RECOMMENDATIONS(ADMIN),
    /** The shared dashboard's KPIs, funnels, cohorts and attribution: aggregates every team works from. */
    READ_ANALYTICS(ADMIN, MARKETER, AGENT, STORE_ASSOCIATE, ANALYST),
    /** Marketing spend per channel, campaign and month, for CAC and ROI. */
    MANAGE_MARKETING_SPEND(ADMIN, MARKETER),
    /** The bands KPIs should stay in, their owners and the key metrics of the weekly review; acknowledging alerts. */
    MANAGE_KPI_TARGETS(ADMIN, MARKETER, ANALYST);

    private final Set<StaffRole> roles;

    StaffPermission(StaffRole first, StaffRole... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public Set<StaffRole> roles() {
        return Set.copyOf(roles);
    }

    public boolean allows(StaffRole role) {
        return roles.contains(role);
    }

    /** Whether the signed-in member of staff (or API token) has a role this permission names. */
    public boolean allows(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (StaffRole role : roles) {
                if (role.authority().equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The permissions as {@code @PreAuthorize} expressions (annotations need constants). Each one asks the
     * table above; {@code StaffPermissionTests} keeps every constant naming its permission.
     */
    public static final class Rules {
        private static final String TABLE = "T(io.throughline.platform.StaffPermission).";
        private static final String ASK = ".allows(authentication)";

        public static final String READ_CUSTOMERS = TABLE + "READ_CUSTOMERS" + ASK;
        public static final String EDIT_CUSTOMERS = TABLE + "EDIT_CUSTOMERS" + ASK;
        public static final String SELL = TABLE + "SELL" + ASK;
        public static final String SELL_AT_TILL = TABLE + "SELL_AT_TILL" + ASK;
        public static final String READ_CATALOG = TABLE + "READ_CATALOG" + ASK;
        public static final String EDIT_CATALOG = TABLE + "EDIT_CATALOG" + ASK;
        public static final String READ_STOCK = TABLE + "READ_STOCK" + ASK;
        public static final String KEEP_STOCK = TABLE + "KEEP_STOCK" + ASK;
        public static final String READ_PRICES = TABLE + "READ_PRICES" + ASK;
        public static final String MANAGE_PRICES = TABLE + "MANAGE_PRICES" + ASK;
        public static final String READ_JOURNEYS = TABLE + "READ_JOURNEYS" + ASK;
        public static final String STEER_JOURNEYS = TABLE + "STEER_JOURNEYS" + ASK;
        public static final String READ_MESSAGES = TABLE + "READ_MESSAGES" + ASK;
        public static final String EDIT_MESSAGES = TABLE + "EDIT_MESSAGES" + ASK;
        public static final String MANAGE_SOURCES = TABLE + "MANAGE_SOURCES" + ASK;
        public static final String MANAGE_STAFF = TABLE + "MANAGE_STAFF" + ASK;
        public static final String MANAGE_PRIVACY = TABLE + "MANAGE_PRIVACY" + ASK;
        public static final String READ_SEGMENTS = TABLE + "READ_SEGMENTS" + ASK;
        public static final String EDIT_SEGMENTS = TABLE + "EDIT_SEGMENTS" + ASK;
        public static final String READ_SEGMENT_MEMBERS = TABLE + "READ_SEGMENT_MEMBERS" + ASK;
        public static final String EXPORT_AUDIENCES = TABLE + "EXPORT_AUDIENCES" + ASK;
        public static final String MANAGE_LOYALTY = TABLE + "MANAGE_LOYALTY" + ASK;
        public static final String ADJUST_POINTS = TABLE + "ADJUST_POINTS" + ASK;
        public static final String READ_LOYALTY = TABLE + "READ_LOYALTY" + ASK;
        public static final String ANSWER_CUSTOMERS = TABLE + "ANSWER_CUSTOMERS" + ASK;
        public static final String CONFIGURE_SERVICE = TABLE + "CONFIGURE_SERVICE" + ASK;
        public static final String IMPORT_ORDERS = TABLE + "IMPORT_ORDERS" + ASK;
        public static final String READ_RECOMMENDATIONS = TABLE + "READ_RECOMMENDATIONS" + ASK;
        public static final String MANAGE_RECOMMENDATIONS = TABLE + "MANAGE_RECOMMENDATIONS" + ASK;
        public static final String READ_ANALYTICS = TABLE + "READ_ANALYTICS" + ASK;
        public static final String MANAGE_MARKETING_SPEND = TABLE + "MANAGE_MARKETING_SPEND" + ASK;
        public static final String MANAGE_KPI_TARGETS = TABLE + "MANAGE_KPI_TARGETS" + ASK;

        private Rules() {}
    }
}
