package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
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

/** Points as a tender at the web shop's checkout, through the orders module's payments port, and back on a refund. */
@PlatformTest
class ShopperPayingWithPointsTests {

    @LocalServerPort
    int port;

    @Test
    void shePaysAWebOrderWithPointsAndGetsThemBackWhenSheReturnsIt() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        loyalty.programme(Map.of());
        String furmint = carts.product("Betsek Furmint", List.of("web"), "430.00");
        carts.receive(furmint, "warehouse-tokaj", 5);
        String profile = carts.customer();
        assertThat(loyalty.adjust(profile, 1_000, "Welcome to the cellar club").status()).isEqualTo(200);

        String tooDear = carts.customerCart("web", profile);
        carts.added(tooDear, "web", furmint, 3);
        var refused = checkout(api, tooDear, profile);
        assertThat(refused.status()).as("1,290 points asked of 1,000").isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(loyalty.balance(profile)).isEqualTo(1_000);
        carts.api.post("/api/carts/" + tooDear + "/close?channel=web", "");

        String cart = carts.customerCart("web", profile);
        carts.added(cart, "web", furmint, 1);
        var placed = checkout(api, cart, profile);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode payment = placed.json().get("payments").get(0);
        assertThat(payment.get("method").asString()).isEqualTo("POINTS");
        String orderId = placed.json().get("id").asString();
        // 430 points spent at 1 CZK a point; points paid it all, so it earns nothing: points never earn points.
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 1_000 - 430);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> loyalty.balance(profile) == 1_000 - 430);
        assertThat(loyalty.statement(profile).stream().filter(line -> line.get("kind").asString().equals("REDEEMED"))
                .map(line -> line.get("channel").asString())).containsExactly("web");

        var shipped = api.post("/api/fulfilment/" + carts.location("warehouse-tokaj") + "/orders/" + orderId
                + "/shipped", Api.json(Map.of("trackingNumber", "TRK-" + CartFixture.unique())));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        var returned = api.post("/api/orders/" + orderId + "/returns?channel=web", Api.json(Map.of(
                "locationId", carts.location("warehouse-tokaj"), "refundTo", "ORIGINAL_PAYMENT",
                "reason", "corked", "lines", List.of(Map.of("sku", furmint, "quantity", 1)))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 1_000);
        assertThat(loyalty.statement(profile).stream().map(line -> line.get("kind").asString()))
                .contains("REDEMPTION_REFUNDED").doesNotContain("EARNED", "EARN_REVERSED");
    }

    @Test
    void aCancelledOrderTakesBackWhatItEarnedAndGivesBackThePointsThatPaidForPartOfIt() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        loyalty.programme(Map.of());
        String aszu = carts.product("Tokaji Aszú 5 puttonyos", List.of("shop-tokaj"), "1000.00");
        carts.receive(aszu, "shop-tokaj", 3);
        String profile = carts.customer();
        assertThat(loyalty.adjust(profile, 200, "Tasting evening").status()).isEqualTo(200);
        String cart = carts.customerCart("shop-tokaj", profile);
        carts.added(cart, "shop-tokaj", aszu, 1);
        // Sold at the till and sent to her home, so that it can still be cancelled.
        var placed = splitAtTheTill(api, cart, profile, 20_000, "HOME_DELIVERY");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("id").asString();
        // 200 points pay 200 CZK of 1,000; the other 800 CZK earn 80 points.
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 80);

        var cancelled = api.post("/api/orders/" + orderId + "/cancel?channel=shop-tokaj",
                Api.json(Map.of("reason", "she changed her mind")));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        // The 80 earned are taken back, the 200 spent come back: she is where she started.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(loyalty.statement(profile).stream()
                .map(line -> line.get("kind").asString())).contains("EARN_REVERSED", "REDEMPTION_REFUNDED"));
        assertThat(loyalty.balance(profile)).isEqualTo(200);
        assertThat(loyalty.statement(profile).stream().filter(line -> line.get("kind").asString()
                .equals("EARN_REVERSED")).map(line -> line.get("points").asLong())).containsExactly(-80L);
    }

    @Test
    void theTillTakesPartOfABasketInPointsAndTheRestOnTheTerminalAndTheBasketStillEarns() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        loyalty.programme(Map.of());
        String tokaji = carts.product("Tokaji Szamorodni", List.of("shop-tokaj"), "800.00");
        carts.receive(tokaji, "shop-tokaj", 3);
        String profile = carts.customer();
        assertThat(loyalty.adjust(profile, 300, "Tasting evening").status()).isEqualTo(200);
        String cart = carts.customerCart("shop-tokaj", profile);
        carts.added(cart, "shop-tokaj", tokaji, 2);

        var placed = splitAtTheTill(api, cart, profile, 25_000, "COUNTER");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("payments").valueStream().map(payment -> payment.get("method").asString()))
                .containsExactly("POINTS", "CARD_PRESENT");
        // 250 points burnt for 250 CZK; the 1,350 CZK paid on the terminal earn 135, the points part nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 300 - 250 + 135);
    }

    private static Api.Response splitAtTheTill(Api api, String cart, String profile, long pointsMinor,
            String delivery) {
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cart);
        body.put("delivery", delivery);
        if (!delivery.equals("COUNTER")) {
            body.put("address", address());
        }
        body.put("payment", Map.of("method", "CARD_PRESENT",
                "parts", List.of(Map.of("method", "POINTS", "amountMinor", pointsMinor))));
        return api.send(api.request("/api/orders?channel=shop-tokaj&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(body))));
    }

    private static Map<String, Object> address() {
        Map<String, Object> address = new HashMap<>();
        address.put("name", "Réka Tóth");
        address.put("street", "Andrássy út 1.");
        address.put("city", "Budapest");
        address.put("postalCode", "1061");
        address.put("country", "HU");
        return address;
    }

    private static Api.Response checkout(Api api, String cartId, String profile) {
        Map<String, Object> body = new HashMap<>();
        body.put("cartId", cartId);
        body.put("delivery", "HOME_DELIVERY");
        body.put("address", address());
        body.put("payment", Map.of("method", "POINTS"));
        return api.send(api.request("/api/orders?channel=web&profileId=" + profile)
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(body))));
    }
}
