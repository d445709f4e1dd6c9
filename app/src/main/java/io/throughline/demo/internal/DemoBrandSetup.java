package io.throughline.demo.internal;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Everything the demo brand consists of, put in place in one order for the start-up and for
 * {@code POST /api/demo/load}. Each part checks what of it is there already, so that a brand loaded before a
 * part existed gets that part on the next start.
 */
@Service
class DemoBrandSetup {

    private final DemoBrandLoader brand;
    private final DemoCatalogue catalogue;
    private final DemoPrices prices;
    private final DemoStock stock;
    private final DemoMessages messages;
    private final DemoJourneys journeys;
    private final DemoHistory history;
    private final DemoOrders orders;
    private final DemoSegments segments;
    private final DemoRecommendations baskets;
    private final DemoAnalytics analytics;
    private final DemoConversations conversations;
    private final DemoProperties properties;
    private final Clock clock;

    DemoBrandSetup(DemoBrandLoader brand, DemoCatalogue catalogue, DemoPrices prices, DemoStock stock,
            DemoMessages messages, DemoJourneys journeys, DemoHistory history, DemoOrders orders,
            DemoSegments segments, DemoRecommendations baskets,
            DemoAnalytics analytics, DemoProperties properties, Clock clock, DemoConversations conversations) {
        this.conversations = conversations;
        this.baskets = baskets;
        this.brand = brand;
        this.catalogue = catalogue;
        this.prices = prices;
        this.stock = stock;
        this.messages = messages;
        this.journeys = journeys;
        this.history = history;
        this.orders = orders;
        this.segments = segments;
        this.analytics = analytics;
        this.properties = properties;
        this.clock = clock;
    }

    DemoBrandLoader.Outcome load() {
        var outcome = brand.load();
        // Prices and stock name the catalogue's SKUs, so the catalogue comes first.
        catalogue.load();
        prices.load();
        stock.load();
        brand.placeShopStaff();
        messages.load();
        // Journeys name the messages and the welcome coupon batch, so they come after both.
        journeys.load();
        if (outcome.loaded() && properties.history()) {
            history.write(outcome.createdCustomers(), clock.instant());
        }
        // Orders take the demo stock at the demo prices, so they come after both.
        orders.load();
        // Segments name the Debrecen shop, so they come after the stock.
        segments.load();
        baskets.load();
        analytics.load();
        conversations.load();
        return outcome;
    }
}
