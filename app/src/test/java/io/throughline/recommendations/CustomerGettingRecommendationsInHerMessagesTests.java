package io.throughline.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.Outbox;
import io.throughline.messaging.SinkMessage;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message whose templates insert her recommendations: "for you" and bought together with her latest order, with
 * names, prices in forints as the brand writes them and links to the shop, only what the web shop sells, has in
 * stock and prices; the best sellers, said to be such, once she opted out of personalisation.
 */
@PlatformTest
class CustomerGettingRecommendationsInHerMessagesTests {

    private static final String MESSAGE = """
            {"name": "Picked for you %s", "purpose": "transactional",
             "variants": [
               {"channel": "email", "subject": "Picked for you",
                "html": "<html><body>{{#recommendationsPersonal}}<h2>For you</h2>{{/recommendationsPersonal}}{{^recommendationsPersonal}}<h2>Popular now</h2>{{/recommendationsPersonal}}<ul class=\\"for-you\\">{{#forYou}}<li><a href=\\"{{url}}\\">{{name}}</a> {{price}} ({{explanation}})</li>{{/forYou}}</ul><ul class=\\"together\\">{{#boughtTogether}}<li>{{name}} {{price}}</li>{{/boughtTogether}}</ul></body></html>",
                "text": "{{#forYou}}{{name}} {{price}} {{url}}\\n{{/forYou}}"},
               {"channel": "sms", "text": "{{#forYou}}{{name}} {{price}} {{url}}{{/forYou}}"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Recommendations recommendations;

    @Test
    void herEmailAndTextOfferWhatSheLikesPricedAndLinkedAndOnlyBestSellersOnceSheOptedOut() {
        CartFixture shop = new CartFixture(port);
        RecommendationFixture history = new RecommendationFixture(port);
        String wine = shop.product("Szamorodni " + history.tag, List.of("web"), "10.00");
        String glasses = shop.product("Glasses " + history.tag, List.of("web"), "10.00");
        String box = shop.product("Gift box " + history.tag, List.of("web"), "10.00");
        String unpriced = shop.product("Unpriced " + history.tag, List.of("web"), "10.00");
        String notOnTheWeb = shop.product("Shop only " + history.tag, List.of("shop-budapest"), "10.00");
        forints(history.tag, Map.of(wine, "4990", glasses, "12990", box, "2500", notOnTheWeb, "990"));
        for (String sku : List.of(wine, glasses, box, unpriced, notOnTheWeb)) {
            shop.receive(sku, "warehouse-tokaj", 10);
        }
        for (String other : new String[] {"c1", "c2", "c3"}) {
            history.orderOf(other, 20, wine, glasses, unpriced, notOnTheWeb);
        }
        history.orderOf("c4", 20, wine, box);
        String userId = history.customer("her");
        String phone = "+3630" + (1_000_000 + (int) (Math.random() * 8_999_999));
        Api api = history.api();
        var identified = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify", Api.json(Map.of("userId",
                userId, "traits", Map.of("email", userId.toLowerCase() + "@example.com", "phone", phone))));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        history.orderOf("her", 30, wine);
        history.imported();
        String her = api.get("/api/customers?identity=user_id:" + userId).json().get("items").get(0).get("id")
                .asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE profile_id = ?::uuid").param(her)
                .query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> recommendations.rebuild().builtAt() != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/customers/" + her).json().get("profile")
                .get("phone").isNull());
        String message = api.post("/api/messaging/messages", MESSAGE.formatted(history.tag)).json().get("id")
                .asString();

        SinkMessage email = sent(api, message, her, "email");
        assertThat(email.html()).contains("<h2>For you</h2>");
        String forYou = section(email.html(), "for-you");
        assertThat(forYou).contains("Glasses " + history.tag + "</a> 12\u00a0990\u00a0Ft (Bought together with Szamorodni "
                + history.tag + ", which you bought at ");
        assertThat(forYou).as("the web neither prices the one nor sells the other")
                .doesNotContain("Unpriced " + history.tag).doesNotContain("Shop only " + history.tag)
                .doesNotContain("Szamorodni " + history.tag + "</a>");
        assertThat(forYou).as("each product's link, tracked").containsPattern("href=\"http://[^\"]+/m/c/");
        assertThat(email.text()).contains("http://localhost:8080/shop/products/" + glasses);
        String together = section(email.html(), "together");
        assertThat(together).contains("Glasses " + history.tag + " 12\u00a0990\u00a0Ft")
                .contains("Gift box " + history.tag + " 2\u00a0500\u00a0Ft");

        SinkMessage text = sent(api, message, her, "sms");
        assertThat(text.text()).as("one product in a text, in plain spaces that keep it in the GSM alphabet")
                .isEqualTo("Glasses " + history.tag + " 12 990 Ft http://localhost:8080/shop/products/" + glasses);

        consents.record(UUID.fromString(her), new Consent(Consent.Purpose.PERSONALIZATION, Consent.Channel.EMAIL,
                false, "staff:test", Instant.now()));
        SinkMessage optedOut = sent(api, message, her, "email");
        assertThat(optedOut.html()).contains("<h2>Popular now</h2>").doesNotContain("For you");
        assertThat(section(optedOut.html(), "together")).as("nothing from her own history").isEmpty();
        assertThat(section(optedOut.html(), "for-you")).doesNotContain("which you bought");
    }

    /** A forint price list of the web shop with these prices. */
    private void forints(String tag, Map<String, String> prices) {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var list = api.post("/api/pricing/price-lists", Api.json(Map.of("name", "recommendations " + tag,
                "currency", "HUF", "channels", List.of("web", "shop-budapest"), "priority", 0)));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        var set = api.put("/api/pricing/price-lists/" + list.json().get("id").asString() + "/prices",
                Api.json(Map.of("prices", prices.entrySet().stream()
                        .map(price -> Map.of("sku", price.getKey(), "price", price.getValue())).toList())));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private SinkMessage sent(Api api, String message, String profile, String channel) {
        var sent = api.post("/api/messaging/messages/" + message + "/send",
                "{\"profileId\":\"" + profile + "\",\"channel\":\"" + channel + "\"}");
        assertThat(sent.status()).as(sent.body()).isIn(200, 201);
        assertThat(sent.json().get("status").asString()).as(sent.body()).isIn("SENT", "DELIVERED", "sent", "delivered");
        UUID delivery = UUID.fromString(sent.json().get("id").asString());
        MessageChannel kind = channel.equals("sms") ? MessageChannel.SMS : MessageChannel.EMAIL;
        return outbox.sink(kind, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(kept -> kept.deliveryId().equals(delivery)).findFirst().orElseThrow();
    }

    private static String section(String html, String list) {
        int start = html.indexOf("<ul class=\"" + list + "\">");
        assertThat(start).as(html).isNotNegative();
        int from = html.indexOf('>', start) + 1;
        return html.substring(from, html.indexOf("</ul>", from));
    }
}
