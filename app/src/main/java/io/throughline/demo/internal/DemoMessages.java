package io.throughline.demo.internal;

import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Messages;
import io.throughline.messaging.NewMessage;
import io.throughline.messaging.Variant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tokaj Cellars' messages, in Hungarian: a welcome, an abandoned-cart reminder with two SMS variants to test,
 * a ready-for-pickup notice and a review request. Each is created only if no message of its name exists, so
 * the loader also completes a brand loaded before messaging existed, and never duplicates or overwrites a
 * message the brand's marketers have edited.
 */
@Component
class DemoMessages {

    static final String WELCOME = "Üdvözlő levél";
    static final String CART_REMINDER = "Kosáremlékeztető";
    static final String READY_FOR_PICKUP = "Átvehető rendelés";
    static final String REVIEW_REQUEST = "Értékelés kérése";

    private static final Logger log = LoggerFactory.getLogger(DemoMessages.class);
    private static final Map<String, String> FALLBACKS = Map.of("givenName", "Borbarát");
    private static final String SHOP = "https://tokaj-cellars.example";

    private final Messages messages;

    DemoMessages(Messages messages) {
        this.messages = messages;
    }

    void load() {
        int created = 0;
        for (NewMessage message : List.of(welcome(), cartReminder(), readyForPickup(), reviewRequest())) {
            if (messages.findByName(message.name()).isEmpty()) {
                messages.create(message);
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo brand: {} messages created", created);
        }
    }

    private static NewMessage welcome() {
        return new NewMessage(WELCOME, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "Üdvözlünk a Tokaj Cellarsnál, {{givenName}}!",
                        "<html><body><h1>Kedves {{givenName}}!</h1>"
                                + "<p>Örülünk, hogy velünk tartasz. Első rendelésedhez 10% kedvezményt adunk: "
                                + "<strong>UDV10</strong>.</p>"
                                + "<p><a href=\"" + SHOP + "/borok\">Nézd meg borainkat</a></p></body></html>",
                        "Kedves {{givenName}}!\n\nÖrülünk, hogy velünk tartasz. Első rendelésedhez 10% kedvezményt "
                                + "adunk: UDV10.\n\nBoraink: " + SHOP + "/borok"),
                new Variant.InApp("a", "Üdvözlünk, {{givenName}}!", "Első rendelésedhez 10% kedvezmény: UDV10",
                        SHOP + "/borok")));
    }

    private static NewMessage cartReminder() {
        return new NewMessage(CART_REMINDER, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "{{givenName}}, a kosarad még vár",
                        "<html><body><p>Kedves {{givenName}}!</p><p>Ezek maradtak a kosaradban:</p><ul>"
                                + "{{#cart.items}}<li>{{name}} – {{quantity}} db</li>{{/cart.items}}</ul>"
                                + "<p><a href=\"" + SHOP + "/kosar\">Vissza a kosárhoz</a></p></body></html>",
                        "Kedves {{givenName}}!\n\nEzek maradtak a kosaradban:\n"
                                + "{{#cart.items}}- {{name}}, {{quantity}} db\n{{/cart.items}}\n"
                                + "Vissza a kosárhoz: " + SHOP + "/kosar"),
                new Variant.Sms("a", "{{givenName}}, a kosaradban vár a bor: " + SHOP + "/kosar"),
                new Variant.Sms("b", "Tokaj Cellars: 48 óráig megőrizzük a kosarad. " + SHOP + "/kosar"),
                new Variant.Push("a", "A kosarad vár", "{{givenName}}, fejezd be a rendelésed!", SHOP + "/kosar")));
    }

    /**
     * Sent by the ready-for-pickup journey, whose data is the "Order Ready For Pickup" event's properties:
     * {@code order_number}, {@code location} and {@code pickup_code}.
     */
    private static NewMessage readyForPickup() {
        return new NewMessage(READY_FOR_PICKUP, MessagePurpose.TRANSACTIONAL, FALLBACKS, List.of(
                new Variant.Email("a", "Átveheted a rendelésed ({{order_number}})",
                        "<html><body><p>Kedves {{givenName}}!</p><p>{{order_number}} számú rendelésed "
                                + "átvehető a választott boltban. Az átvételi kódod: "
                                + "<strong>{{pickup_code}}</strong>.</p></body></html>",
                        "Kedves {{givenName}}!\n\n{{order_number}} számú rendelésed átvehető a választott boltban. "
                                + "Az átvételi kódod: {{pickup_code}}."),
                new Variant.Sms("a", "Tokaj Cellars: {{order_number}} átvehető. Kód: {{pickup_code}}"),
                new Variant.Task("a", "Készítsd elő: {{order_number}}",
                        "{{givenName}} rendelését tedd félre a pultnál; átvételi kód: {{pickup_code}}.")));
    }

    /** Sent by the review-request journey two days after the "Order Picked Up" event, whose properties it shows. */
    private static NewMessage reviewRequest() {
        return new NewMessage(REVIEW_REQUEST, MessagePurpose.MARKETING, FALLBACKS, List.of(
                new Variant.Email("a", "Hogy ízlett, {{givenName}}?",
                        "<html><body><p>Kedves {{givenName}}!</p><p>Mit gondolsz a(z) {{order_number}} számú "
                                + "rendelésed borairól? Egy perc az egész.</p><p><a href=\"" + SHOP
                                + "/ertekeles\">Értékelem</a></p></body></html>",
                        "Kedves {{givenName}}!\n\nMit gondolsz a(z) {{order_number}} számú rendelésed borairól? "
                                + "Értékeld itt: " + SHOP + "/ertekeles"),
                new Variant.Push("a", "Hogy ízlett?", "Értékeld a(z) {{order_number}} rendelésed borait!",
                        SHOP + "/ertekeles"),
                new Variant.InApp("a", "Hogy ízlett?", "Értékeld a(z) {{order_number}} rendelésed borait!",
                        SHOP + "/ertekeles")));
    }
}
