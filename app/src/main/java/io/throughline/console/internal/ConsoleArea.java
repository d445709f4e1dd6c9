package io.throughline.console.internal;

/**
 * The areas of the console, in navigation order. An area whose module does not exist yet is shown but not
 * linked, so staff see where the product is going without meeting dead pages.
 */
enum ConsoleArea {
    DASHBOARD("Dashboard", "/", true),
    CUSTOMERS("Customers", "/customers", true),
    SERVICE("Service inbox", "/service", false),
    ORDERS("Orders", "/orders", true),
    CARTS("Carts", "/carts", true),
    CATALOG("Catalogue", "/catalog", true),
    INVENTORY("Inventory", "/inventory", true),
    PRICING("Prices & promotions", "/pricing", true),
    LOYALTY("Loyalty", "/loyalty", false),
    SEGMENTS("Segments", "/segments", false),
    JOURNEYS("Journeys", "/journeys", true),
    MESSAGES("Messages", "/messages", true),
    ANALYTICS("Analytics", "/analytics", false),
    SOURCES("Sources", "/sources", true),
    PRIVACY("Privacy", "/privacy", true);

    private final String label;
    private final String path;
    private final boolean available;

    ConsoleArea(String label, String path, boolean available) {
        this.label = label;
        this.path = path;
        this.available = available;
    }

    public String label() {
        return label;
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
