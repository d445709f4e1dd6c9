package io.throughline.demo.internal;

import io.throughline.carts.Carts;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.NewCart;
import io.throughline.catalog.Sku;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.demo.DemoBrand;
import io.throughline.inventory.Availability;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.HistoricalOrders;
import io.throughline.orders.Order;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.RefundTo;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.Channel;
import io.throughline.platform.Rows;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo customers' orders, placed through the orders API as the channels would place them: web and app
 * orders delivered home or collected at a shop, till sales in the three shops. They are spread over the last five
 * months, imported as {@link HistoricalOrders} so that each was placed, shipped, collected or returned on its own
 * day and in shop hours; the home deliveries of the last days are not shipped yet, a few click &amp; collect
 * orders of the last two days wait at the Budapest shop, and one bottle came back at the Debrecen shop. Seeded,
 * so every install has the same orders; loaded once (also into a brand loaded before orders existed), noted in
 * {@code demo.orders_load}. A brand whose orders were loaded before they were dated keeps them as they are.
 */
@Component
class DemoOrders {

    /** The customers who get orders, and so how long the load takes: each order is a real checkout. */
    static final int CUSTOMERS = 18;
    static final String RETURN_SHOP = "shop-debrecen";
    static final String PICKUP_SHOP = "shop-budapest";
    /** The test card processor's card that is always approved. */
    private static final String CARD = "4242424242424242";
    /** The first and last demo products, and the first few dozen, are what other parts' checks look at. */
    private static final int FIRST_SKU = 60;
    private static final int SKUS = 160;
    /** Units a demo order leaves at least on the shelf it takes from, so no demo product sells out. */
    private static final int LEFT_ON_SHELF = 3;
    private static final List<String> CITIES = List.of("Budapest", "Debrecen", "Miskolc", "Szeged", "Győr",
            "Nyíregyháza", "Pécs", "Eger");
    private static final List<String> STREETS = List.of("Andrássy út", "Petőfi utca", "Kossuth Lajos utca",
            "Rákóczi út", "Dózsa György út", "Bem József utca");

    /** How far back the demo's order history goes. */
    static final int HISTORY_DAYS = 150;
    /** Click &amp; collect orders of the last days still waiting at the Budapest shop. */
    static final int WAITING_PICKUPS = 3;
    private static final ZoneId SHOP_TIME = ZoneId.of("Europe/Budapest");
    private static final Duration TO_SHIP = Duration.ofHours(20);
    private static final Duration TO_DELIVER = Duration.ofDays(3);
    private static final Duration TO_READY = Duration.ofHours(4);
    private static final Duration TO_COLLECT = Duration.ofDays(2);
    private static final Duration TO_RETURN = Duration.ofDays(5);

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

    /**
     * One order of the plan: who, where, how it is delivered and paid, how many different wines, and when.
     */
    private record Planned(CustomerProfile customer, String channel, DeliveryMethod delivery, PaymentMethod payment,
            int lines, Instant at) {

        Planned at(Instant when) {
            return new Planned(customer, channel, delivery, payment, lines, when);
        }
    }

    /** An order as placed, and when. */
    private record Placed(Order order, Instant at) {}

    private final HistoricalOrders history;
    private final Channels channels;
    private final Carts carts;
    private final CustomerProfiles customers;
    private final StockLocations locations;
    private final Availability availability;
    private final DemoProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoOrders(HistoricalOrders history, Channels channels, Carts carts,
            CustomerProfiles customers, StockLocations locations, Availability availability, DemoProperties properties,
            JdbcClient jdbc, Clock clock) {
        this.history = history;
        this.channels = channels;
        this.carts = carts;
        this.customers = customers;
        this.locations = locations;
        this.availability = availability;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Places the demo orders unless they were placed before; returns how many it placed. The brand is claimed
     * first, so that two nodes starting at once do not both place them; each checkout is its own transaction, as
     * a channel's would be, so there is no transaction around the whole load.
     */
    int load() {
        Optional<StockLocation> pickupShop = locations.findByCode(PICKUP_SHOP);
        Optional<StockLocation> returnShop = locations.findByCode(RETURN_SHOP);
        if (pickupShop.isEmpty() || returnShop.isEmpty()) {
            return 0;
        }
        boolean claimed = jdbc.sql("INSERT INTO demo.orders_load (brand, loaded_at) VALUES (?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(DemoBrand.TOKAJ_CELLARS.name(), Rows.timestamp(clock.instant()))
                .update() == 1;
        if (!claimed) {
            return 0;
        }
        List<Placed> placed = new ArrayList<>();
        Random random = new Random(2311L);
        List<String> skus = DemoProducts.all().stream().skip(FIRST_SKU).limit(SKUS)
                .map(DemoProducts.DemoProduct::sku).filter(sku -> sku.startsWith("TK-")).toList();
        int key = 0;
        for (Planned order : dated(plan(random), random)) {
            String idempotencyKey = "demo-order-" + ++key;
            placed.add(new Placed(place(order, skus, random, pickupShop.get().id(), idempotencyKey), order.at()));
        }
        fulfil(placed, pickupShop.get().id(), returnShop.get().id());
        jdbc.sql("UPDATE demo.orders_load SET orders = ? WHERE brand = ?")
                .params(placed.size(), DemoBrand.TOKAJ_CELLARS.name()).update();
        log.info("Demo brand: {} orders placed", placed.size());
        return placed.size();
    }

    /** Who orders what where: a rotation over the channels, with every third customer ordering twice. */
    private List<Planned> plan(Random random) {
        List<Planned> plan = new ArrayList<>();
        int index = 0;
        for (CustomerProfile customer : demoCustomers()) {
            for (int nth = 0; nth < (index % 3 == 0 ? 2 : 1); nth++) {
                int lines = 1 + random.nextInt(2);
                Instant undated = Instant.EPOCH;
                plan.add(switch ((index + nth * 2) % 6) {
                    case 0 -> new Planned(customer, "web", DeliveryMethod.HOME_DELIVERY, PaymentMethod.CARD, lines,
                            undated);
                    case 1 -> new Planned(customer, "app", DeliveryMethod.PICKUP,
                            nth == 0 ? PaymentMethod.CARD : PaymentMethod.PAY_AT_PICKUP, lines, undated);
                    case 2 -> new Planned(customer, "shop-budapest", DeliveryMethod.COUNTER, PaymentMethod.CASH, lines,
                            undated);
                    case 3 -> new Planned(customer, "shop-debrecen", DeliveryMethod.COUNTER,
                            PaymentMethod.CARD_PRESENT, lines, undated);
                    case 4 -> new Planned(customer, "web", DeliveryMethod.PICKUP, PaymentMethod.CARD, lines, undated);
                    default -> new Planned(customer, "shop-tokaj", DeliveryMethod.COUNTER, PaymentMethod.CASH, lines,
                            undated);
                });
            }
            index++;
        }
        return plan;
    }

    /**
     * When each order was placed: spread evenly over the history, oldest first, to three days ago, each on its own
     * day in shop hours; the last few click &amp; collect orders yesterday or the day before, so that they wait
     * at the shop now.
     */
    private List<Planned> dated(List<Planned> plan, Random random) {
        List<Integer> pickups = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).delivery() == DeliveryMethod.PICKUP) {
                pickups.add(i);
            }
        }
        List<Integer> waiting = pickups.subList(Math.max(0, pickups.size() - WAITING_PICKUPS), pickups.size());
        List<Planned> dated = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            int daysAgo = waiting.contains(i) ? 1 + waiting.indexOf(i) % 2
                    : 3 + (HISTORY_DAYS - 3) * (plan.size() - 1 - i) / Math.max(1, plan.size() - 1);
            dated.add(plan.get(i).at(inShopHours(daysAgo, random)));
        }
        return dated;
    }

    /** A moment between 10:00 and 17:59 in Budapest, the given number of days ago. */
    private Instant inShopHours(int daysAgo, Random random) {
        return clock.instant().atZone(SHOP_TIME).toLocalDate().minusDays(daysAgo)
                .atTime(LocalTime.of(10 + random.nextInt(8), random.nextInt(60)))
                .atZone(SHOP_TIME).toInstant();
    }

    /** The first demo customers who have an email address, as the brand's loader created them. */
    private List<CustomerProfile> demoCustomers() {
        List<CustomerProfile> found = new ArrayList<>();
        for (var generated : new DemoCustomerGenerator().generate(properties.customers(), clock.instant())) {
            if (found.size() == CUSTOMERS) {
                break;
            }
            if (generated.details().email() != null) {
                customers.findByEmail(generated.details().email()).ifPresent(found::add);
            }
        }
        return found;
    }

    private Order place(Planned planned, List<String> skus, Random random, UUID pickupShop, String key) {
        UUID profileId = planned.customer().id();
        // Tills sell from their own shop; click & collect takes from the Budapest shop's shelf.
        String stockChannel = planned.delivery() == DeliveryMethod.PICKUP ? PICKUP_SHOP : planned.channel();
        Channel channel = channels.resolve(planned.channel());
        UUID cartId = carts.open(new NewCart(null, profileId, "HUF"), channel).cart().id();
        int added = 0;
        for (int attempt = 0; added < planned.lines() && attempt < 20; attempt++) {
            String sku = skus.get(random.nextInt(skus.size()));
            int quantity = 1 + random.nextInt(2);
            if (availability.of(Sku.of(sku), stockChannel).available() >= quantity + LEFT_ON_SHELF) {
                carts.add(cartId, sku, quantity, channel, profileId);
                added++;
            }
        }
        if (planned.delivery() == DeliveryMethod.PICKUP) {
            carts.chooseFulfilment(cartId, Fulfilment.Kind.PICKUP, pickupShop, channel, profileId);
        }
        CheckoutRequest request = new CheckoutRequest(cartId, planned.delivery(),
                planned.delivery() == DeliveryMethod.HOME_DELIVERY ? address(planned.customer(), random) : null,
                new CheckoutRequest.PaymentDetails(planned.payment(),
                        planned.payment() == PaymentMethod.CARD ? CARD : null));
        return history.checkout(planned.at(), request, channel, profileId, key).order();
    }

    /**
     * Moves the orders on as the months of shop work would have, each step on its own day: home deliveries shipped
     * the next day (every other one delivered three days after it was placed), unless that day has not come yet;
     * click &amp; collect orders ready a few hours after they were placed and collected two days later, except the
     * newest few, which wait at the Budapest shop now; and one delivered bottle brought back to the Debrecen shop
     * five days after it arrived.
     */
    private void fulfil(List<Placed> placed, UUID pickupShop, UUID returnShop) {
        Instant now = clock.instant();
        List<Placed> deliveries = placed.stream()
                .filter(order -> order.order().delivery() == DeliveryMethod.HOME_DELIVERY).toList();
        List<Placed> pickups = placed.stream().filter(order -> order.order().delivery() == DeliveryMethod.PICKUP)
                .toList();
        List<Placed> delivered = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Placed placedOrder = deliveries.get(i);
            Instant shipped = placedOrder.at().plus(TO_SHIP);
            Instant arrived = placedOrder.at().plus(TO_DELIVER);
            boolean deliver = i % 2 == 0 && arrived.isBefore(now);
            if (!shipped.isBefore(now)) {
                continue;
            }
            Order order = placedOrder.order();
            for (Order.Shipment shipment : order.shipments()) {
                String tracking = "HU" + order.number() + "TL";
                order = history.ship(shipped, placedOrder.order().id(), shipment.locationId(), tracking);
                if (deliver) {
                    order = history.delivered(arrived, placedOrder.order().id(), shipment.locationId());
                }
            }
            if (deliver) {
                delivered.add(new Placed(order, arrived));
            }
        }
        for (int i = 0; i < pickups.size(); i++) {
            Placed pickup = pickups.get(i);
            Order ready = history.readyForPickup(pickup.at().plus(TO_READY), pickup.order().id(), pickupShop);
            Instant collected = pickup.at().plus(TO_COLLECT);
            if (i < pickups.size() - WAITING_PICKUPS && collected.isBefore(now)) {
                String code = ready.shipments().stream().map(Order.Shipment::pickupCode)
                        .filter(Objects::nonNull).findFirst().orElseThrow();
                // Paid at pickup: the demo's customers pay in cash at the counter.
                boolean owed = ready.payments().stream()
                        .anyMatch(payment -> payment.method() == PaymentMethod.PAY_AT_PICKUP);
                history.pickUp(collected, ready.id(), pickupShop, code, PICKUP_SHOP, owed ? PaymentMethod.CASH : null);
            }
        }
        delivered.stream().filter(order -> order.at().plus(TO_RETURN).isBefore(now)).findFirst().ifPresent(order -> {
            Order.Line line = order.order().lines().getFirst();
            history.acceptReturn(order.at().plus(TO_RETURN).truncatedTo(ChronoUnit.HOURS), order.order().id(),
                    new ReturnRequest(returnShop, RefundTo.ORIGINAL_PAYMENT,
                            List.of(new ReturnRequest.Line(line.sku(), 1)), "Dugós volt a bor"),
                    channels.resolve(RETURN_SHOP));
        });
    }

    private static ShippingAddress address(CustomerProfile customer, Random random) {
        String name = ((customer.givenName() == null ? "" : customer.givenName() + " ")
                + (customer.familyName() == null ? "" : customer.familyName())).strip();
        return new ShippingAddress(name.isEmpty() ? "Tokaj Cellars customer" : name,
                STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(80)) + ".",
                CITIES.get(random.nextInt(CITIES.size())), String.valueOf(1000 + random.nextInt(8000)), "HU",
                null, null);
    }
}
