package io.throughline.bench;

import io.throughline.bench.Shoppers.Shopper;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events a population causes, about 10 % identify (with email traits), the rest page views and track
 * calls with small e-commerce properties, written as Segment JSON both as a client sends it and as the
 * platform stores it, so that the HTTP load and the raw COPY reference carry equivalent rows.
 */
final class EventMix {

    enum Kind {
        IDENTIFY, TRACK, PAGE;

        /** How the platform's log stores the type. */
        String column() {
            return name();
        }
    }

    /** One event; {@code name} is null for identify, {@code userId} when the shopper is not signed in. */
    record Event(Kind kind, Shopper shopper, String anonymousId, String userId, String name, String body,
            String messageId, Instant timestamp) {}

    private record Product(String sku, String name, int price) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("sku-1001", "Tokaji Aszú 5 puttonyos 2017", 8900),
            new Product("sku-1002", "Tokaji Furmint dry 2022", 3490),
            new Product("sku-1003", "Egri Bikavér 2020", 2990),
            new Product("sku-1004", "Villányi Cabernet Franc 2019", 5490),
            new Product("sku-1005", "Szekszárdi Kadarka 2021", 3990),
            new Product("sku-1006", "Badacsonyi Kéknyelű 2022", 4290),
            new Product("sku-1007", "Tokaji Szamorodni 2018", 6190),
            new Product("sku-1008", "Etyeki Pezsgő Brut", 4590));
    private static final List<String> PAGES = List.of("/", "/wines", "/wines/tokaj", "/wines/red", "/wines/white",
            "/gifts", "/shops/budapest", "/account", "/cart");
    private static final List<String> SEARCHES = List.of("aszú", "furmint", "red wine gift", "pezsgő", "kadarka");
    private static final String CONTEXT = "\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"2.11.1\"},"
            + "\"locale\":\"hu-HU\"}";

    /** Rolls below this are identify calls (10 %), below {@link #PAGE_PERCENT} page views (30 %), the rest track. */
    private static final int IDENTIFY_PERCENT = 10;
    private static final int PAGE_PERCENT = 40;

    private final Shoppers shoppers;

    EventMix(Shoppers shoppers) {
        this.shoppers = shoppers;
    }

    Shoppers shoppers() {
        return shoppers;
    }

    /** An event of a random shopper; identify calls come from shoppers with an account. */
    Event draw(SplittableRandom random, String messageId, Instant timestamp) {
        int roll = random.nextInt(100);
        Shopper shopper = roll < IDENTIFY_PERCENT ? shoppers.anyRegistered(random) : shoppers.any(random);
        return event(roll, shopper, random, messageId, timestamp);
    }

    /** An event of the given shopper; one without an account sends a page view where others would identify. */
    Event drawFor(Shopper shopper, SplittableRandom random, String messageId, Instant timestamp) {
        int roll = random.nextInt(100);
        return event(roll < IDENTIFY_PERCENT && !shopper.registered() ? PAGE_PERCENT - 1 : roll, shopper, random,
                messageId, timestamp);
    }

    private static Event event(int roll, Shopper shopper, SplittableRandom random, String messageId, Instant timestamp) {
        if (roll < IDENTIFY_PERCENT) {
            String traits = "{\"email\":\"" + shopper.email() + "\",\"firstName\":\"" + shopper.givenName()
                    + "\",\"lastName\":\"" + shopper.familyName() + "\"}";
            return new Event(Kind.IDENTIFY, shopper, shopper.device(random), shopper.userId(), null, traits, messageId,
                    timestamp);
        }
        // Registered shoppers are signed in for about half of what they do.
        String userId = shopper.registered() && random.nextBoolean() ? shopper.userId() : null;
        String device = shopper.device(random);
        if (roll < PAGE_PERCENT) {
            String path = PAGES.get(random.nextInt(PAGES.size()));
            String properties = "{\"path\":\"" + path + "\",\"url\":\"https://shop.example.com" + path
                    + "\",\"referrer\":\"https://www.google.com/\"}";
            return new Event(Kind.PAGE, shopper, device, userId, title(path), properties, messageId, timestamp);
        }
        return track(random, shopper, device, userId, messageId, timestamp);
    }

    private static Event track(SplittableRandom random, Shopper shopper, String device, String userId,
            String messageId, Instant timestamp) {
        Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        int roll = random.nextInt(100);
        String name;
        String properties;
        if (roll < 45) {
            name = "Product Viewed";
            properties = productProperties(product, 1);
        } else if (roll < 65) {
            name = "Product Added";
            properties = productProperties(product, 1 + random.nextInt(3));
        } else if (roll < 80) {
            name = "Products Searched";
            properties = "{\"query\":\"" + SEARCHES.get(random.nextInt(SEARCHES.size())) + "\"}";
        } else if (roll < 92) {
            name = "Cart Viewed";
            properties = "{\"cart_id\":\"cart-" + shopper.number() + "\",\"products\":" + (1 + random.nextInt(4)) + "}";
        } else {
            name = "Order Completed";
            properties = "{\"order_id\":\"ord-" + Integer.toHexString(random.nextInt()) + "\",\"total\":"
                    + product.price() * (1 + random.nextInt(3)) + ",\"currency\":\"HUF\",\"products\":1}";
        }
        return new Event(Kind.TRACK, shopper, device, userId, name, properties, messageId, timestamp);
    }

    private static String productProperties(Product product, int quantity) {
        return "{\"product_id\":\"" + product.sku() + "\",\"name\":\"" + product.name()
                + "\",\"category\":\"wine\",\"price\":" + product.price() + ",\"currency\":\"HUF\",\"quantity\":"
                + quantity + "}";
    }

    private static String title(String path) {
        return path.equals("/") ? "Home" : Character.toUpperCase(path.charAt(1)) + path.substring(2).replace('/', ' ');
    }

    /** The Segment item as an SDK sends it. */
    static String sent(Event event) {
        StringBuilder json = new StringBuilder(400);
        json.append("{\"type\":\"").append(event.kind().name().toLowerCase()).append("\",\"messageId\":\"")
                .append(event.messageId()).append("\",\"anonymousId\":\"").append(event.anonymousId()).append('"');
        if (event.userId() != null) {
            json.append(",\"userId\":\"").append(event.userId()).append('"');
        }
        switch (event.kind()) {
            case IDENTIFY -> json.append(",\"traits\":").append(event.body());
            case TRACK -> json.append(",\"event\":\"").append(event.name()).append("\",\"properties\":")
                    .append(event.body());
            case PAGE -> json.append(",\"name\":\"").append(event.name()).append("\",\"properties\":")
                    .append(event.body());
        }
        return json.append(',').append(CONTEXT).append(",\"timestamp\":\"").append(event.timestamp()).append("\"}")
                .toString();
    }

    /** The item as the platform's log stores it: what was sent plus the fields collection adds. */
    static String stored(Event event, String channel, Instant receivedAt) {
        String sent = sent(event);
        return sent.substring(0, sent.length() - 1) + ",\"receivedAt\":\"" + receivedAt + "\",\"channel\":\"" + channel
                + "\",\"originalTimestamp\":\"" + event.timestamp() + "\"}";
    }
}
