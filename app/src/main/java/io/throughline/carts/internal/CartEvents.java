package io.throughline.carts.internal;

import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cart's customer events — "Product Added", "Product Removed", "Cart Viewed", "Coupon Applied", with the
 * Segment e-commerce property names — appended to the event log on the cart's profile (or its anonymous id)
 * and the channel of the request, once the change is committed, so that Customer 360 shows what she did.
 */
@Component
class CartEvents {

    /** One product as the events describe it. */
    record Product(String sku, @Nullable UUID productId, String name, @Nullable Money price, int quantity) {}

    private final EventLog eventLog;
    private final Channels channels;
    private final JsonMapper json;
    private final Clock clock;

    CartEvents(EventLog eventLog, Channels channels, JsonMapper json, Clock clock) {
        this.eventLog = eventLog;
        this.channels = channels;
        this.json = json;
        this.clock = clock;
    }

    void productAdded(CartRow cart, String channel, Product product) {
        append(cart, channel, "Product Added", productProperties(cart, product));
    }

    void productRemoved(CartRow cart, String channel, Product product) {
        append(cart, channel, "Product Removed", productProperties(cart, product));
    }

    void cartViewed(CartRow cart, String channel, List<Product> products) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cart_id", cart.id().toString());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Product product : products) {
            Map<String, Object> item = productProperties(cart, product);
            item.remove("cart_id");
            items.add(item);
        }
        properties.put("products", items);
        append(cart, channel, "Cart Viewed", properties);
    }

    void couponApplied(CartRow cart, String channel, String code, @Nullable String promotionName,
            @Nullable Money discount) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cart_id", cart.id().toString());
        properties.put("coupon", code);
        if (promotionName != null) {
            properties.put("coupon_name", promotionName);
        }
        if (discount != null) {
            properties.put("discount", discount.amount().negate());
            properties.put("currency", discount.currency());
        }
        append(cart, channel, "Coupon Applied", properties);
    }

    private static Map<String, Object> productProperties(CartRow cart, Product product) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("cart_id", cart.id().toString());
        if (product.productId() != null) {
            properties.put("product_id", product.productId().toString());
        }
        properties.put("sku", product.sku());
        properties.put("name", product.name());
        if (product.price() != null) {
            properties.put("price", product.price().amount());
            properties.put("currency", product.price().currency());
        }
        properties.put("quantity", product.quantity());
        return properties;
    }

    private void append(CartRow cart, String channel, String event, Map<String, Object> properties) {
        UUID sourceId = channels.sourceOf(channel);
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "track");
        payload.put("event", event);
        List<Identifier> identifiers = List.of();
        if (cart.profileId() == null && cart.anonymousId() != null) {
            payload.put("anonymousId", cart.anonymousId());
            identifiers = List.of(new Identifier(Identifier.ANONYMOUS_ID, cart.anonymousId()));
        }
        payload.put("properties", properties);
        payload.put("context", Map.of("channel", channel));
        payload.put("timestamp", now.toString());
        EventToAppend toAppend = new EventToAppend(sourceId, channel, Ids.newId(clock).toString(), EventType.TRACK,
                event, now, now, identifiers, cart.profileId(), json.writeValueAsString(payload));
        eventLog.appendWithTransaction(toAppend);
    }
}
