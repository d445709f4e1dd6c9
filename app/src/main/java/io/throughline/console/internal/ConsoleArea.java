package io.throughline.console.internal;

/**
 * The areas of the console, in navigation order. An area whose module does not exist yet is shown but not
 * linked, so staff see where the product is going without meeting dead pages.
 */
enum ConsoleArea {
    DASHBOARD("/", true),
    CUSTOMERS("/customers", true),
    SERVICE("/service", false),
    ORDERS("/orders", true),
    CARTS("/carts", true),
    CATALOG("/catalog", true),
    INVENTORY("/inventory", true),
    PRICING("/pricing", true),
    LOYALTY("/loyalty", false),
    SEGMENTS("/segments", false),
    JOURNEYS("/journeys", true),
    MESSAGES("/messages", true),
    ANALYTICS("/analytics", false),
    SOURCES("/sources", true),
    PRIVACY("/privacy", false);

    private final String path;
    private final boolean available;

    ConsoleArea(String path, boolean available) {
        this.path = path;
        this.available = available;
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
