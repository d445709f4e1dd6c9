package io.throughline.demo.internal;

import io.throughline.journeys.Journeys;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Variant;
import io.throughline.platform.ConflictException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.Promotions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokaj Cellars' journeys, active from the start: the abandoned-cart reminder, the welcome series, the
 * ready-for-pickup notice, the review request after a pickup, and the tasting-evening invitation for customers
 * near the Tokaj shop. Each is created (and activated) only if no journey of its key exists, so the loader also
 * completes a brand loaded before journeys existed and never touches a journey the brand's marketers have
 * edited, paused or replaced. The messages only journeys use are created here the same way.
 */
@Component
class DemoJourneys {

    static final String ABANDONED_CART = "abandoned-cart";
    static final String WELCOME_SERIES = "welcome-series";
    static final String READY_FOR_PICKUP = "ready-for-pickup";
    static final String REVIEW_REQUEST = "review-request";
    static final String TASTING_INVITATION = "tasting-invitation";

    /**
     * The events the journeys listen to. The cart reminder takes only "Product Added" of a cart (the carts module
     * sends it with its {@code cart_id}); the orders module logs the pickup ones for click &amp; collect orders.
     */
    static final String PRODUCT_ADDED = "Product Added";
    static final String ORDER_COMPLETED = "Order Completed";
    static final String SIGNED_UP = "Signed Up";
    static final String ORDER_READY_FOR_PICKUP = "Order Ready For Pickup";
    static final String ORDER_PICKED_UP = "Order Picked Up";

    static final String TIP = "Borkóstolási tipp";
    static final String WELCOME_COUPON = "Üdvözlő kupon";
    static final String TASTING = "Kóstolóest meghívó";

    private static final Logger log = LoggerFactory.getLogger(DemoJourneys.class);
    private static final Map<String, String> FALLBACKS = Map.of("givenName", "Borbarát");
    private static final String SHOP = "https://tokaj-cellars.example";

    private final Journeys journeys;
    private final Messages messages;
    private final Promotions promotions;
    private final JsonMapper json;

    DemoJourneys(Journeys journeys, Messages messages, Promotions promotions, JsonMapper json) {
        this.journeys = journeys;
        this.messages = messages;
        this.promotions = promotions;
        this.json = json;
    }

    void load() {
        for (NewMessage message : List.of(tip(), welcomeCoupon(), tasting())) {
            if (messages.findByName(message.name()).isEmpty()) {
                messages.create(message);
            }
        }
        int created = 0;
        for (Map.Entry<String, String> journey : definitions().entrySet()) {
            if (!exists(journey.getKey())) {
                try {
                    journeys.create(json.readTree(journey.getValue()));
                    journeys.activate(journey.getKey());
                    created++;
                } catch (ConflictException createdMeanwhile) {
                    // Another node loading the brand at the same moment created it first; that one activates it.
                }
            }
        }
        if (created > 0) {
            log.info("Demo brand: {} journeys created and activated", created);
        }
    }

    /** The definitions by key, in the order the console lists them. */
    Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put(ABANDONED_CART, """
                {"key": "abandoned-cart", "name": "Abandoned cart reminder",
                 "trigger": {"event": "%s", "where": [{"property": "cart_id", "op": "exists"}]},
                 "reentry": {"rule": "once_per", "period": "7d"},
                 "goal": {"event": "%s"},
                 "start": "wait-for-order",
                 "steps": {
                   "wait-for-order": {"type": "wait_for_event", "event": "%2$s", "timeout": "48h",
                                      "onEvent": "ordered", "onTimeout": "remind"},
                   "remind": {"type": "send", "message": "%s", "channel": "best", "next": "done"},
                   "ordered": {"type": "exit"},
                   "done": {"type": "exit"}}}""".formatted(PRODUCT_ADDED, ORDER_COMPLETED, DemoMessages.CART_REMINDER));
        definitions.put(WELCOME_SERIES, """
                {"key": "welcome-series", "name": "Welcome series",
                 "trigger": {"event": "%s"},
                 "reentry": "once",
                 "start": "welcome",
                 "steps": {
                   "welcome": {"type": "send", "message": "%s", "channel": "best", "next": "three-days"},
                   "three-days": {"type": "wait", "duration": "3d", "next": "tip"},
                   "tip": {"type": "send", "message": "%s", "channel": "best", "next": "seven-days"},
                   "seven-days": {"type": "wait", "duration": "4d", "next": "coupon"},
                   "coupon": {"type": "grant_coupon", "batch": "%s", "channel": "app", "next": "coupon-message"},
                   "coupon-message": {"type": "send", "message": "%s", "channel": "best", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(SIGNED_UP, DemoMessages.WELCOME, TIP, welcomeBatch(),
                WELCOME_COUPON));
        definitions.put(READY_FOR_PICKUP, """
                {"key": "ready-for-pickup", "name": "Ready for pickup notice",
                 "trigger": {"event": "%s"},
                 "reentry": "always",
                 "start": "notify",
                 "steps": {
                   "notify": {"type": "send", "message": "%s", "channel": "best", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(ORDER_READY_FOR_PICKUP, DemoMessages.READY_FOR_PICKUP));
        definitions.put(REVIEW_REQUEST, """
                {"key": "review-request", "name": "Review request after pickup",
                 "trigger": {"event": "%s"},
                 "reentry": {"rule": "once_per", "period": "30d"},
                 "start": "two-days",
                 "steps": {
                   "two-days": {"type": "wait", "duration": "2d", "next": "ask"},
                   "ask": {"type": "send", "message": "%s", "channel": "best", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(ORDER_PICKED_UP, DemoMessages.REVIEW_REQUEST));
        definitions.put(TASTING_INVITATION, """
                {"key": "tasting-invitation", "name": "Tasting evening in the Tokaj cellar",
                 "trigger": {"api": true},
                 "reentry": {"rule": "once_per", "period": "30d"},
                 "start": "near-tokaj",
                 "steps": {
                   "near-tokaj": {"type": "condition",
                                  "if": {"trait": "nearestShop", "op": "eq", "value": "shop-tokaj"},
                                  "then": "invite", "else": "elsewhere"},
                   "invite": {"type": "send", "message": "%s", "channel": "best", "next": "call"},
                   "call": {"type": "task", "message": "%1$s", "location": "shop-tokaj", "next": "done"},
                   "elsewhere": {"type": "exit"},
                   "done": {"type": "exit"}}}""".formatted(TASTING));
        return definitions;
    }

    private boolean exists(String key) {
        try {
            journeys.get(key);
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    /** The app's welcome coupon batch, which {@link DemoPrices} loads before the journeys. */
    private UUID welcomeBatch() {
        for (int page = 0; ; page++) {
            Page<CouponBatch> batches = promotions.batches(new PageRequest(page, PageRequest.MAX_SIZE));
            Optional<CouponBatch> welcome = batches.items().stream()
                    .filter(batch -> batch.name().equals(DemoPrices.WELCOME_BATCH)).findFirst();
            if (welcome.isPresent()) {
                return welcome.get().id();
            }
            if (!batches.hasNext()) {
                throw new IllegalStateException("The demo coupon batch " + DemoPrices.WELCOME_BATCH + " is missing");
            }
        }
    }

    private static NewMessage tip() {
        return new NewMessage(TIP, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "{{givenName}}, így kóstold a tokajit",
                        "<html><body><p>Kedves {{givenName}}!</p><p>Az aszút 10–12 fokon, kis pohárban kínáld, és "
                                + "hagyd, hogy a pohárban kinyíljon. Sajtokhoz és gyümölcsös desszertekhez illik a "
                                + "legjobban.</p><p><a href=\"" + SHOP + "/tippek\">További tippek</a></p></body></html>",
                        "Kedves {{givenName}}!\n\nAz aszút 10–12 fokon, kis pohárban kínáld, és hagyd, hogy a "
                                + "pohárban kinyíljon. Sajtokhoz és gyümölcsös desszertekhez illik a legjobban.\n\n"
                                + "További tippek: " + SHOP + "/tippek"),
                new Variant.InApp("a", "Kóstolási tipp", "Az aszút 10–12 fokon kínáld, kis pohárban.",
                        SHOP + "/tippek")));
    }

    private static NewMessage welcomeCoupon() {
        return new NewMessage(WELCOME_COUPON, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "{{givenName}}, itt a kuponod",
                        "<html><body><p>Kedves {{givenName}}!</p><p>Egy hete vagy velünk: ezzel a kóddal 10% "
                                + "kedvezményt kapsz a következő rendelésedből: <strong>{{coupon}}</strong>.</p>"
                                + "</body></html>",
                        "Kedves {{givenName}}!\n\nEgy hete vagy velünk: ezzel a kóddal 10% kedvezményt kapsz a "
                                + "következő rendelésedből: {{coupon}}"),
                new Variant.Push("a", "Itt a kuponod", "10% kedvezmény: {{coupon}}", SHOP + "/borok"),
                new Variant.InApp("a", "Itt a kuponod", "10% kedvezmény a következő rendelésedből: {{coupon}}",
                        SHOP + "/borok")));
    }

    private static NewMessage tasting() {
        return new NewMessage(TASTING, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "Kóstolóest a tokaji pincében, {{givenName}}",
                        "<html><body><p>Kedves {{givenName}}!</p><p>Szeretettel meghívunk kóstolóestünkre a "
                                + "tokaji pincébe: hat bor, köztük az Aszú 5 puttonyos Lapis 2017.</p>"
                                + "<p><a href=\"" + SHOP + "/kostolo\">Helyet foglalok</a></p></body></html>",
                        "Kedves {{givenName}}!\n\nSzeretettel meghívunk kóstolóestünkre a tokaji pincébe: hat bor, "
                                + "köztük az Aszú 5 puttonyos Lapis 2017.\n\nHelyfoglalás: " + SHOP + "/kostolo"),
                new Variant.InApp("a", "Kóstolóest Tokajban", "Hat bor a pincében – foglalj helyet!",
                        SHOP + "/kostolo"),
                new Variant.Task("a", "Kóstolóest: hívd meg {{givenName}}-t",
                        "{{givenName}} a tokaji bolt közelében lakik: hívd fel, és ajánlj neki helyet a "
                                + "kóstolóestre.")));
    }
}
