package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The areas of the console, in navigation order, each with the permission that lets staff read it (the same
 * one its pages and the API ask). A member of staff is shown only the areas she may open; an area whose module
 * does not exist yet is shown to nobody.
 */
enum ConsoleArea {
    DASHBOARD("/", true, null),
    TILL("/till", true, StaffPermission.SELL_AT_TILL),
    CUSTOMERS("/customers", true, StaffPermission.READ_CUSTOMERS),
    SERVICE("/service", true, StaffPermission.ANSWER_CUSTOMERS),
    ORDERS("/orders", true, StaffPermission.SELL),
    CARTS("/carts", true, StaffPermission.SELL),
    CATALOG("/catalog", true, StaffPermission.READ_CATALOG),
    INVENTORY("/inventory", true, StaffPermission.READ_STOCK),
    PRICING("/pricing", true, StaffPermission.READ_PRICES),
    LOYALTY("/loyalty", true, StaffPermission.READ_LOYALTY),
    SEGMENTS("/segments", true, StaffPermission.READ_SEGMENTS),
    JOURNEYS("/journeys", true, StaffPermission.READ_JOURNEYS),
    MESSAGES("/messages", true, StaffPermission.READ_MESSAGES),
    ANALYTICS("/analytics", true, StaffPermission.READ_ANALYTICS),
    SOURCES("/sources", true, StaffPermission.MANAGE_SOURCES),
    STAFF("/staff", true, StaffPermission.MANAGE_STAFF),
    PRIVACY("/privacy", true, StaffPermission.MANAGE_PRIVACY),
    IMPORTS("/imports", true, StaffPermission.IMPORT_ORDERS);

    private final String path;
    private final boolean available;
    private final @Nullable StaffPermission reading;

    ConsoleArea(String path, boolean available, @Nullable StaffPermission reading) {
        this.path = path;
        this.available = available;
        this.reading = reading;
    }

    /** The areas the signed-in member of staff may open, in navigation order. */
    static List<ConsoleArea> navigationFor(@Nullable Authentication staff) {
        return Arrays.stream(values()).filter(area -> area.openTo(staff)).toList();
    }

    boolean openTo(@Nullable Authentication staff) {
        return available && staff != null && staff.isAuthenticated()
                && (reading == null || reading.allows(staff));
    }

    /** Its name in the navigation, from the {@code layout} bundle. */
    public String messageKey() {
        return "area." + key();
    }

    public String path() {
        return path;
    }

    public boolean available() {
        return available;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
