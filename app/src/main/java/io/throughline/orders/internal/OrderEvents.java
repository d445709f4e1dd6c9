package io.throughline.orders.internal;

import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders' customer events — "Checkout Started", "Order Completed", "Order Cancelled", "Order Ready For
 * Pickup", "Order Picked Up", "Order Refunded", "Product Returned", with the Segment e-commerce property names —
 * appended to the event log on the order's profile (or anonymous id) and channel once the change is committed, so
 * that every processor sees online and offline purchases alike.
 */
@Component
class OrderEvents {

    /** Who the events are about: the profile, or for a guest the anonymous id. */
    record Shopper(@Nullable UUID profileId, @Nullable String anonymousId) {}

    /** One product as the events describe it. */
    record Product(String sku, @Nullable UUID productId, String name, Money price, int quantity) {}

    private final EventLog eventLog;
    private final Sources sources;
    private final JsonMapper json;
    private final Clock clock;
    /** When the log receives an event is always now: its partitions are by arrival. */
    private final Clock arrival;

    OrderEvents(EventLog eventLog, Sources sources, JsonMapper json, Clock clock) {
        this.eventLog = eventLog;
        this.sources = sources;
        this.json = json;
        this.clock = OrderTime.over(clock);
        this.arrival = clock;
    }

    void checkoutStarted(Shopper shopper, String channel, UUID checkoutId, Money total, List<String> coupons,
            List<Product> products) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("checkout_id", checkoutId.toString());
        amounts(properties, total, total, coupons);
        properties.put("products", products(products));
        append(shopper, channel, "Checkout Started", properties);
    }

    void orderCompleted(Shopper shopper, String channel, UUID orderId, UUID checkoutId, Money total, Money discount,
            List<String> coupons, List<Product> products) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId.toString());
        properties.put("checkout_id", checkoutId.toString());
        amounts(properties, total, total, coupons);
        properties.put("discount", discount.amount());
        properties.put("products", products(products));
        append(shopper, channel, "Order Completed", properties);
    }

    void orderCancelled(Shopper shopper, String channel, UUID orderId, Money total, String reason) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId.toString());
        properties.put("total", total.amount());
        properties.put("currency", total.currency());
        properties.put("reason", reason);
        append(shopper, channel, "Order Cancelled", properties);
    }

    void readyForPickup(Shopper shopper, String channel, UUID orderId, String orderNumber, String locationCode,
            String pickupCode) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId.toString());
        properties.put("order_number", orderNumber);
        properties.put("location", locationCode);
        properties.put("pickup_code", pickupCode);
        append(shopper, channel, "Order Ready For Pickup", properties);
    }

    void pickedUp(Shopper shopper, String channel, UUID orderId, String orderNumber, String locationCode) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId.toString());
        properties.put("order_number", orderNumber);
        properties.put("location", locationCode);
        append(shopper, channel, "Order Picked Up", properties);
    }

    void refunded(Shopper shopper, String channel, UUID orderId, UUID returnId, Money refund, List<Product> products) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId.toString());
        properties.put("return_id", returnId.toString());
        properties.put("total", refund.amount());
        properties.put("currency", refund.currency());
        properties.put("products", products(products));
        append(shopper, channel, "Order Refunded", properties);
        for (Product product : products) {
            Map<String, Object> returned = product(product);
            returned.put("order_id", orderId.toString());
            returned.put("return_id", returnId.toString());
            append(shopper, channel, "Product Returned", returned);
        }
    }

    private static void amounts(Map<String, Object> properties, Money total, Money revenue, List<String> coupons) {
        properties.put("total", total.amount());
        properties.put("revenue", revenue.amount());
        properties.put("currency", total.currency());
        if (!coupons.isEmpty()) {
            properties.put("coupon", String.join(",", coupons));
        }
    }

    private static List<Map<String, Object>> products(List<Product> products) {
        List<Map<String, Object>> items = new ArrayList<>(products.size());
        products.forEach(product -> items.add(product(product)));
        return items;
    }

    private static Map<String, Object> product(Product product) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (product.productId() != null) {
            item.put("product_id", product.productId().toString());
        }
        item.put("sku", product.sku());
        item.put("name", product.name());
        item.put("price", product.price().amount());
        item.put("currency", product.price().currency());
        item.put("quantity", product.quantity());
        return item;
    }

    private void append(Shopper shopper, String channel, String event, Map<String, Object> properties) {
        Optional<Source> source = sources.findByChannel(channel);
        if (source.isEmpty() || (shopper.profileId() == null && shopper.anonymousId() == null)) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "track");
        payload.put("event", event);
        List<Identifier> identifiers = List.of();
        if (shopper.profileId() == null) {
            payload.put("anonymousId", shopper.anonymousId());
            identifiers = List.of(new Identifier(Identifier.ANONYMOUS_ID, shopper.anonymousId()));
        }
        payload.put("properties", properties);
        payload.put("context", Map.of("channel", channel));
        payload.put("timestamp", now.toString());
        EventToAppend toAppend = new EventToAppend(source.get().id(), channel, Ids.newId(clock).toString(),
                EventType.TRACK, event, now, arrival.instant(), identifiers, shopper.profileId(),
                json.writeValueAsString(payload));
        eventLog.appendWithTransaction(toAppend);
    }
}
