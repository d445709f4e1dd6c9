package io.throughline.loyalty;

import static io.throughline.loyalty.LoyaltyFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The design's canonical scenario, steps 4 and 6, with points, through the APIs as the channels call them: the
 * Budapest till takes over her web cart by its handoff code and checks it out, and her points are earned once;
 * she brings a bottle back in Debrecen and that bottle's points are taken back. Then the till spends and earns
 * points by its own key, retries, reuses a key, and asks for more points than she has.
 */
@PlatformTest
class ShopperEarningAtTheTillAndReturningInAnotherShopTests {

    @LocalServerPort
    int port;

    @Test
    void herPointsAreEarnedOnceAtTheTillAndTheReturnedBottlesShareIsTakenBackInAnotherShop() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        Admin admin = new Admin(port);
        List<String> everywhere = List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj");
        String aszu = carts.product("Szarvas Aszú 6 puttonyos", everywhere, "1290.00");
        String giftCard = carts.product("Gift card 500", everywhere, "500.00");
        carts.receive(aszu, "shop-budapest", 4);
        carts.receive(giftCard, "shop-budapest", 4);
        // Aszú earns double; a gift card earns nothing (it earns when it is spent).
        loyalty.programme(Map.of(aszu, 200, giftCard, 0));
        String profile = carts.customer();
        String webCart = carts.customerCart("web", profile);
        carts.added(webCart, "web", aszu, 2);
        carts.added(webCart, "web", giftCard, 1);

        // (4) The till scans her handoff code and checks the cart out at the counter.
        var issued = api.post("/api/carts/" + webCart + "/handoff?channel=web", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        var claimed = api.post("/api/carts/handoff/" + issued.json().get("code").asString()
                + "?channel=shop-budapest", "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        String key = "till-" + UUID.randomUUID();
        var placed = checkout(api, webCart, profile, key);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("id").asString();
        long aszuPaid = 2 * 129_000;
        long expected = aszuPaid / 1000 * 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == expected);
        var repeated = checkout(api, webCart, profile, key);
        assertThat(repeated.json().get("id").asString()).as("the till's retry is the same order").isEqualTo(orderId);
        JsonNode member = loyalty.member(profile);
        assertThat(member.get("balance").asLong()).isEqualTo(516);
        assertThat(member.get("lots")).hasSize(1);
        assertThat(member.get("lots").get(0).get("remaining").asLong()).isEqualTo(516);
        List<JsonNode> earned = loyalty.statement(profile).stream()
                .filter(line -> line.get("kind").asString().equals("EARNED")).toList();
        assertThat(earned).as("earned once, however often the till asks").hasSize(1);
        assertThat(earned.getFirst().get("orderId").asString()).isEqualTo(orderId);
        assertThat(earned.getFirst().get("channel").asString()).isEqualTo("shop-budapest");

        // (6) She brings one bottle back in Debrecen: half of what the Aszú earned is taken back.
        returnOneAszu(api, carts, orderId, aszu);
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 258);
        JsonNode reversal = loyalty.statement(profile).getFirst();
        assertThat(reversal.get("kind").asString()).isEqualTo("EARN_REVERSED");
        assertThat(reversal.get("points").asLong()).isEqualTo(-258);
        assertThat(reversal.get("channel").asString()).isEqualTo("shop-debrecen");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Points Earned"));

        // The till spends 100 of her points on a 300 CZK basket, which earns 30.
        String basketKey = "rcpt-" + UUID.randomUUID();
        Map<String, Long> paid = Map.of("CT-TILL-ONLY", 30_000L);
        var burned = loyalty.basket("shop-budapest", basketKey, profile, 100, paid);
        assertThat(burned.status()).as(burned.body()).isEqualTo(200);
        assertThat(burned.json().get("earned").asLong()).isEqualTo(30);
        assertThat(burned.json().get("redeemed").asLong()).isEqualTo(100);
        assertThat(burned.json().get("balance").asLong()).isEqualTo(188);
        var retried = loyalty.basket("shop-budapest", basketKey, profile, 100, paid);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("repeated").asBoolean()).isTrue();
        assertThat(retried.json().get("balance").asLong()).as("a retry never counts twice").isEqualTo(188);
        assertProblem(loyalty.basket("shop-budapest", basketKey, profile, 150, paid), 409, "Idempotency-Key");

        // A burn her points can no longer cover is refused, the same way on every retry, and nothing moves.
        String tooMuch = "rcpt-" + UUID.randomUUID();
        var refused = loyalty.basket("shop-budapest", tooMuch, profile, 1_000, paid);
        assertProblem(refused, 409, "burnPoints");
        assertThat(refused.json().get("type").asString()).endsWith("/points-refused");
        assertThat(refused.json().get("balance").asLong()).isEqualTo(188);
        assertProblem(loyalty.basket("shop-budapest", tooMuch, profile, 1_000, paid), 409, "burnPoints");
        assertThat(loyalty.balance(profile)).isEqualTo(188);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                .contains("Points Redeemed"));

        // Staff adjust with a reason; nonsense is refused naming the field.
        var adjusted = loyalty.adjust(profile, 12, "Bottle arrived chipped");
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().get("balance").asLong()).isEqualTo(200);
        JsonNode adjustment = loyalty.statement(profile).getFirst();
        assertThat(adjustment.get("kind").asString()).isEqualTo("ADJUSTED");
        assertThat(adjustment.get("reason").asString()).isEqualTo("Bottle arrived chipped");
        assertProblem(loyalty.adjust(profile, -1_000, "too much"), 409, "points");
        assertProblem(loyalty.adjust(profile, 0, "nothing"), 400, "points");
        assertProblem(loyalty.adjust(profile, 5, " "), 400, "reason");
        var unknown = loyalty.adjust(UUID.randomUUID().toString(), 5, "who?");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertProblem(loyalty.basket("shop-budapest", "rcpt-" + UUID.randomUUID(), profile, -5, paid), 400,
                "burnPoints");
        assertProblem(loyalty.basket("no-such-till", "rcpt-" + UUID.randomUUID(), profile, 5, paid), 400, "channel");
        assertThat(loyalty.balance(profile)).isEqualTo(200);

        // The second bottle comes back after she spent its points: she owes what her points no longer cover.
        returnOneAszu(api, carts, orderId, aszu);
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 200 - 258);
        assertThat(loyalty.member(profile).get("owed").asLong()).isEqualTo(58);
        JsonNode liability = api.get("/api/loyalty/liability").json();
        assertThat(liability.get("issued").asLong()).isPositive();
        assertThat(liability.get("byChannel").valueStream().map(row -> row.path("channel").asString()))
                .contains("shop-budapest");
    }

    private static Api.Response checkout(Api api, String cartId, String profile, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cartId);
        body.put("delivery", "COUNTER");
        body.put("payment", Map.of("method", "CARD_PRESENT"));
        return api.send(api.request("/api/orders?channel=shop-budapest&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(body))));
    }

    private static void returnOneAszu(Api api, CartFixture carts, String orderId, String aszu) {
        var returned = api.post("/api/orders/" + orderId + "/returns?channel=shop-debrecen", Api.json(Map.of(
                "locationId", carts.location("shop-debrecen"), "refundTo", "ORIGINAL_PAYMENT",
                "reason", "a gift twice", "lines", List.of(Map.of("sku", aszu, "quantity", 1)))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
    }
}
