package io.throughline.demo.internal;

import io.throughline.demo.internal.DemoBrandLoader.DemoCustomer;
import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.events.EventProduct;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import io.throughline.tracking.Sources;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the demo customers' history into the event log, through the same identity resolution as live
 * traffic: anonymous browsing on the phone and the web that joins her profile when she signs in, shop
 * visits recognised by loyalty card, calls to the contact centre and emails opened. Seeded, so every
 * install tells the same stories.
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    /** What shoppers browse: the demo range itself, so that viewed SKUs are ones the catalogue and stock know. */
    private static final List<DemoProducts.DemoProduct> RANGE = DemoProducts.all();
    /** Names of the events the brand's own channels send; the platform does not write these itself. */
    private static final String STORE_VISITED = "Store Visited";
    private static final String CALL_RECEIVED = "Call Received";
    private static final String EMAIL_OPENED = "Email Opened";
    private static final List<String> SHOPS = List.of("shop-budapest", "shop-debrecen", "shop-tokaj");
    private static final int APPEND_BATCH = 500;

    private final EventLog eventLog;
    private final Sources sources;
    private final JsonMapper json;

    DemoHistory(EventLog eventLog, Sources sources, JsonMapper json) {
        this.eventLog = eventLog;
        this.sources = sources;
        this.json = json;
    }

    int write(List<DemoCustomer> customers, Instant now) {
        Map<String, UUID> sourceIds = new LinkedHashMap<>();
        sources.list().forEach(source -> sourceIds.put(source.channel(), source.id()));
        Random random = new Random(1703L);
        List<EventToAppend> events = new ArrayList<>();
        for (DemoCustomer customer : customers) {
            new Story(customer, random, sourceIds, now, events).tell();
        }
        int written = 0;
        for (int from = 0; from < events.size(); from += APPEND_BATCH) {
            List<EventToAppend> batch = events.subList(from, Math.min(events.size(), from + APPEND_BATCH));
            try {
                eventLog.append(batch).get(60, TimeUnit.SECONDS);
                written += batch.size();
            } catch (Exception failed) {
                log.warn("Demo history stopped after {} events: {}", written, failed.toString());
                break;
            }
        }
        log.info("Demo history: {} events for {} customers", written, customers.size());
        return written;
    }

    /** One customer's history, from her first anonymous visit to now. */
    private final class Story {
        private final DemoCustomer customer;
        private final Random random;
        private final Map<String, UUID> sourceIds;
        private final Instant now;
        private final List<EventToAppend> events;
        private final String userId;
        private final String loyaltyCard;

        Story(DemoCustomer customer, Random random, Map<String, UUID> sourceIds, Instant now,
                List<EventToAppend> events) {
            this.customer = customer;
            this.random = random;
            this.sourceIds = sourceIds;
            this.now = now;
            this.events = events;
            this.userId = "tc-" + customer.profileId().toString().substring(24);
            this.loyaltyCard = "TC" + (100_000_000 + random.nextInt(900_000_000));
        }

        void tell() {
            Instant at = customer.customerSince();
            int visits = 2 + random.nextInt(8);
            for (int visit = 0; visit < visits && at.isBefore(now); visit++) {
                switch (random.nextInt(6)) {
                    case 0, 1 -> at = browseThenSignIn("web", at);
                    case 2 -> at = browseThenSignIn("app", at);
                    case 3 -> at = shopVisit(at);
                    case 4 -> at = contactCentreCall(at);
                    default -> at = emailOpened(at);
                }
                at = at.plus(Duration.ofHours(6 + random.nextInt(24 * 40)));
            }
        }

        private Instant browseThenSignIn(String channel, Instant start) {
            String anonymousId = UUID.nameUUIDFromBytes((customer.profileId() + channel + start).getBytes())
                    .toString();
            Instant at = start;
            int views = 1 + random.nextInt(4);
            for (int i = 0; i < views; i++) {
                DemoProducts.DemoProduct product = RANGE.get(random.nextInt(RANGE.size()));
                viewed(channel, anonymousId, product, at);
                at = at.plusSeconds(30 + random.nextInt(240));
            }
            if (customer.details().email() != null && random.nextInt(4) > 0) {
                Map<String, Object> traits = new LinkedHashMap<>();
                traits.put("email", customer.details().email());
                traits.put("firstName", customer.details().givenName());
                traits.put("lastName", customer.details().familyName());
                if (customer.details().phone() != null) {
                    traits.put("phone", customer.details().phone());
                }
                traits.putAll(DemoSegments.demographics(customer.profileId()));
                add(channel, EventType.IDENTIFY, null, at, Map.of("anonymousId", anonymousId, "userId", userId,
                        "traits", traits), List.of(new Identifier(Identifier.ANONYMOUS_ID, anonymousId),
                        new Identifier(Identifier.USER_ID, userId),
                        new Identifier(Identifier.EMAIL, customer.details().email())));
            }
            return at;
        }

        private Instant shopVisit(Instant at) {
            String shop = SHOPS.get(random.nextInt(SHOPS.size()));
            List<Identifier> identifiers = new ArrayList<>(List.of(new Identifier(Identifier.LOYALTY_CARD, loyaltyCard)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("anonymousId", "card-" + loyaltyCard);
            body.put("event", STORE_VISITED);
            body.put("properties", Map.of("store", shop));
            body.put("context", Map.of("externalIds", List.of(Map.of("id", loyaltyCard, "type", "loyalty_card",
                    "collection", "users", "encoding", "none"))));
            if (customer.details().email() != null) {
                identifiers.add(new Identifier(Identifier.EMAIL, customer.details().email()));
                body.put("context", Map.of("traits", Map.of("email", customer.details().email()), "externalIds",
                        List.of(Map.of("id", loyaltyCard, "type", "loyalty_card", "collection", "users",
                                "encoding", "none"))));
            }
            identifiers.add(new Identifier(Identifier.ANONYMOUS_ID, "card-" + loyaltyCard));
            add(shop, EventType.TRACK, STORE_VISITED, at, body, identifiers);
            return at;
        }

        private Instant contactCentreCall(Instant at) {
            if (customer.details().phone() == null) {
                return at;
            }
            add("contact-centre", EventType.TRACK, CALL_RECEIVED, at, Map.of("anonymousId",
                    "phone-" + customer.details().phone(), "event", CALL_RECEIVED, "properties",
                    Map.of("topic", random.nextBoolean() ? "delivery" : "recommendation", "durationSeconds",
                            60 + random.nextInt(600)), "context", Map.of("traits",
                            Map.of("phone", customer.details().phone()))),
                    List.of(new Identifier(Identifier.PHONE, customer.details().phone()),
                            new Identifier(Identifier.ANONYMOUS_ID, "phone-" + customer.details().phone())));
            return at;
        }

        private Instant emailOpened(Instant at) {
            if (customer.details().email() == null) {
                return at;
            }
            add("email", EventType.TRACK, EMAIL_OPENED, at, Map.of("anonymousId",
                    "email-" + customer.details().email(), "event", EMAIL_OPENED, "properties",
                    Map.of("campaign", "Autumn tasting"), "context", Map.of("traits",
                            Map.of("email", customer.details().email()))),
                    List.of(new Identifier(Identifier.EMAIL, customer.details().email()),
                            new Identifier(Identifier.ANONYMOUS_ID, "email-" + customer.details().email())));
            return at;
        }

        /** A product page seen by a shopper not yet signed in: the event the platform's own builder writes. */
        private void viewed(String channel, String anonymousId, DemoProducts.DemoProduct product, Instant at) {
            UUID source = sourceIds.get(channel);
            if (source == null || at.isAfter(now)) {
                return;
            }
            Money price = Money.of(BigDecimal.valueOf(product.priceHuf()), "HUF");
            events.add(CustomerEvent.track(EventNames.PRODUCT_VIEWED, new Channel(channel, source), at)
                    .about(null, anonymousId)
                    .product(new EventProduct(product.sku(), null, product.name(), price, 1))
                    .property("category", product.categoryPath())
                    .toAppend(messageId(channel, at, EventType.TRACK), now));
        }

        /**
         * An event as a channel sends it over the collection API: these name the customer by several identifiers
         * at once (a loyalty card with an email, a phone number) and carry her traits in the context, which is
         * what identity resolution joins on. {@link CustomerEvent} writes the platform's own events, about one
         * profile or one anonymous id, so it does not fit them.
         */
        private void add(String channel, EventType type, @Nullable String name, Instant at, Map<String, Object> body,
                List<Identifier> identifiers) {
            UUID source = sourceIds.get(channel);
            if (source == null || at.isAfter(now)) {
                return;
            }
            String messageId = messageId(channel, at, type);
            Map<String, Object> payload = new LinkedHashMap<>(body);
            payload.put("type", type.wireName());
            payload.put("messageId", messageId);
            payload.put("timestamp", at.toString());
            payload.put("channel", channel);
            events.add(new EventToAppend(source, channel, messageId, type, name, at, now, identifiers, null,
                    json.writeValueAsString(payload)));
        }

        /** Derived from what happened, so that loading the history twice cannot log it twice. */
        private String messageId(String channel, Instant at, EventType type) {
            return UUID.nameUUIDFromBytes((customer.profileId() + channel + at + type).getBytes()).toString();
        }
    }
}
