package io.throughline.events;

import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one way a module builds a customer event it writes itself: a Segment {@code track} call on a channel, about
 * a profile (or, for a guest, an anonymous id), with typed properties. Property names are Segment's
 * ({@code product_id}, {@code order_id}, {@code total}, {@code currency}…); money is written as the decimal
 * amount with its currency beside it.
 *
 * <pre>{@code
 * EventToAppend added = CustomerEvent.track(EventNames.PRODUCT_ADDED, channel, now)
 *         .about(cart.profileId(), cart.anonymousId())
 *         .property("cart_id", cart.id())
 *         .product(product)
 *         .toAppend(messageId, now);
 * }</pre>
 */
public final class CustomerEvent {

    /** Where the platform's own events ("Profiles Merged", …) are logged: its own channel and source. */
    public static final Channel PLATFORM = new Channel("platform", LoggedEvent.PLATFORM_SOURCE);

    private final String name;
    private final Channel channel;
    private final Instant occurredAt;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private @Nullable UUID profileId;
    private @Nullable String anonymousId;
    private final List<Identifier> identifiers = new ArrayList<>();

    private CustomerEvent(String name, Channel channel, Instant occurredAt) {
        this.name = name;
        this.channel = channel;
        this.occurredAt = occurredAt;
    }

    /** A track event named {@code name} (one of {@link EventNames}) that happened on {@code channel}. */
    public static CustomerEvent track(String name, Channel channel, Instant occurredAt) {
        return new CustomerEvent(name, channel, occurredAt);
    }

    /** Whom it is about: the profile when known, else the guest's anonymous id. */
    public CustomerEvent about(@Nullable UUID profileId, @Nullable String anonymousId) {
        this.profileId = profileId;
        this.anonymousId = profileId == null ? anonymousId : null;
        return this;
    }

    /**
     * Whom it is about when only her identifiers are known (the sender of an email, a chat visitor): the log
     * resolves them to her profile as it does for the collection API's calls, joining new ones to it.
     */
    public CustomerEvent identifiedBy(List<Identifier> known) {
        this.profileId = null;
        this.anonymousId = null;
        identifiers.clear();
        identifiers.addAll(known);
        return this;
    }

    /** Whether it names anyone; an event about no one has no timeline to land on. */
    public boolean hasSubject() {
        return profileId != null || anonymousId != null || !identifiers.isEmpty();
    }

    /** A property; a null value is left out rather than written as null. */
    public CustomerEvent property(String key, @Nullable Object value) {
        if (value != null) {
            properties.put(key, value instanceof UUID id ? id.toString() : value);
        }
        return this;
    }

    /** An amount as {@code key} (decimal) and {@code currency}. */
    public CustomerEvent money(String key, @Nullable Money amount) {
        if (amount != null) {
            properties.put(key, amount.amount());
            properties.put("currency", amount.currency());
        }
        return this;
    }

    /** One product's properties at the top level, as "Product Added" and "Product Returned" have them. */
    public CustomerEvent product(EventProduct product) {
        properties.putAll(productProperties(product));
        return this;
    }

    /** The {@code products} array, as "Cart Viewed" and "Order Completed" have it. */
    public CustomerEvent products(List<EventProduct> products) {
        List<Map<String, Object>> items = new ArrayList<>(products.size());
        products.forEach(product -> items.add(productProperties(product)));
        properties.put("products", items);
        return this;
    }

    /** The event ready for the log; {@code receivedAt} is when the log takes it (its partitions are by arrival). */
    public EventToAppend toAppend(String messageId, Instant receivedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", EventType.TRACK.wireName());
        payload.put("event", name);
        List<Identifier> identifiers = List.copyOf(this.identifiers);
        if (profileId == null && anonymousId != null) {
            payload.put("anonymousId", anonymousId);
            identifiers = List.of(new Identifier(Identifier.ANONYMOUS_ID, anonymousId));
        }
        for (Identifier identifier : identifiers) {
            if (Identifier.ANONYMOUS_ID.equals(identifier.type())) {
                payload.putIfAbsent("anonymousId", identifier.value());
            } else if (Identifier.USER_ID.equals(identifier.type())) {
                payload.putIfAbsent("userId", identifier.value());
            }
        }
        payload.put("properties", properties);
        payload.put("context", Map.of("channel", channel.key()));
        payload.put("timestamp", occurredAt.toString());
        return new EventToAppend(channel.sourceId(), channel.key(), messageId, EventType.TRACK, name, occurredAt,
                receivedAt, identifiers, profileId, EventJson.MAPPER.writeValueAsString(payload));
    }

    private static Map<String, Object> productProperties(EventProduct product) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (product.productId() != null) {
            item.put("product_id", product.productId().toString());
        }
        item.put("sku", product.sku());
        item.put("name", product.name());
        if (product.price() != null) {
            item.put("price", product.price().amount());
            item.put("currency", product.price().currency());
        }
        item.put("quantity", product.quantity());
        return item;
    }
}
