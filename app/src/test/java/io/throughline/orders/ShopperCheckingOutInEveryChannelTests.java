package io.throughline.orders;

import static io.throughline.orders.OrderFixture.APPROVE;
import static io.throughline.orders.OrderFixture.DECLINE;
import static io.throughline.orders.OrderFixture.ERROR;
import static io.throughline.orders.OrderFixture.assertRefused;
import static io.throughline.orders.OrderFixture.card;
import static io.throughline.orders.OrderFixture.checkout;
import static io.throughline.orders.OrderFixture.key;
import static io.throughline.orders.OrderFixture.paidBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The one checkout every channel uses: the web with a card, the till with cash over the counter. */
@PlatformTest
class ShopperCheckingOutInEveryChannelTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OrderFixture fixture;
    CartFixture carts;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new OrderFixture(port);
        carts = fixture.carts;
        api = fixture.api;
    }

    @Test
    void aWebCardCheckoutPlacesTheOrderAtTheCartsPricesAndAllocatesItsHolds() {
        String wine = carts.product("Furmint 2021", List.of("web"), "250.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 2);
        String reservation = CartFixture.line(carts.view(cart, "web"), wine).get("hold").get("reservationId").asString();

        var placed = fixture.checkout("web", "&profileId=" + profile, key(),
                checkout(cart, "HOME_DELIVERY", card(APPROVE)));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + order.get("id").asString());
        assertThat(order.get("state").asString()).isEqualTo("PLACED");
        assertThat(order.get("channel").asString()).isEqualTo("web");
        assertThat(order.get("profileId").asString()).isEqualTo(profile);
        assertThat(order.get("total").get("minor").asLong()).isEqualTo(50_000);
        assertThat(order.get("lines").get(0).get("sku").asString()).isEqualTo(wine);
        assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo("Furmint 2021");
        assertThat(order.get("lines").get(0).get("unitPrice").get("minor").asLong()).isEqualTo(25_000);
        JsonNode payment = order.get("payments").get(0);
        assertThat(payment.get("state").asString()).isEqualTo("CAPTURED");
        assertThat(payment.get("cardLast4").asString()).isEqualTo("4242");
        assertThat(order.get("shipments").get(0).get("state").asString()).isEqualTo("ALLOCATED");
        assertThat(order.get("shipments").get(0).get("lines").get(0).get("reservationId").asString())
                .isEqualTo(reservation);
        assertThat(carts.reservation(reservation).get("state").asString()).isEqualTo("ALLOCATED");
        assertThat(carts.view(cart, "web").get("state").asString()).isEqualTo("CHECKED_OUT");
        assertThat(jdbc.sql("SELECT state FROM orders.test_card_charge WHERE reference = ?")
                .param(payment.get("id").asString()).query(String.class).single()).isEqualTo("CAPTURED");
        assertThat(api.get("/api/orders/" + order.get("id").asString()).json().get("number").asString())
                .isEqualTo(order.get("number").asString());

        Admin admin = new Admin(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.timelineLabels(profile).stream()
                .filter(label -> label.contains("Order Completed") || label.contains("Checkout Started")).count() == 2);
        JsonNode completed = jdbc.sql("""
                SELECT payload FROM events.event WHERE profile_id = ? AND name = 'Order Completed'""")
                .param(UUID.fromString(profile)).query((rs, row) -> tools.jackson.databind.json.JsonMapper.builder()
                        .build().readTree(rs.getString(1))).single();
        assertThat(completed.get("properties").get("order_id").asString()).isEqualTo(order.get("id").asString());
        assertThat(completed.get("properties").get("checkout_id").asString())
                .isEqualTo(order.get("checkoutId").asString());
        assertThat(completed.get("properties").get("revenue").asDouble()).isEqualTo(500.0);
        assertThat(completed.get("properties").get("currency").asString()).isEqualTo("CZK");
        assertThat(completed.get("properties").get("products").get(0).get("sku").asString()).isEqualTo(wine);
        assertThat(completed.get("context").get("channel").asString()).isEqualTo("web");
    }

    @Test
    void theSameKeyAndBodyGiveTheSameOrderAndAnotherBodyWithTheKeyIsRefused() {
        String wine = carts.product("Hárslevelű 2022", List.of("web"), "120.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 1);
        String key = key();
        var body = checkout(cart, "HOME_DELIVERY", card(APPROVE));

        var first = fixture.checkout("web", "&profileId=" + profile, key, body);
        var again = fixture.checkout("web", "&profileId=" + profile, key, body);
        var other = fixture.checkout("web", "&profileId=" + profile, key, checkout(cart, "HOME_DELIVERY",
                card("5555555555554444")));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertRefused(other, 422, "Idempotency-Key");
        assertThat(jdbc.sql("SELECT count(*) FROM orders.payment p JOIN orders.checkout c ON c.id = p.checkout_id "
                + "WHERE c.cart_id = ?").param(UUID.fromString(cart)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeclinedCardPlacesNoOrderAndTheStockStaysHeldByTheCart() {
        String wine = carts.product("Sárgamuskotály 2023", List.of("web"), "90.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 3);
        String reservation = CartFixture.line(carts.view(cart, "web"), wine).get("hold").get("reservationId").asString();
        String key = key();

        var declined = fixture.checkout("web", "&profileId=" + profile, key, checkout(cart, "HOME_DELIVERY",
                card(DECLINE)));
        var repeated = fixture.checkout("web", "&profileId=" + profile, key, checkout(cart, "HOME_DELIVERY",
                card(DECLINE)));
        var failed = fixture.checkout("web", "&profileId=" + profile, key(), checkout(cart, "HOME_DELIVERY",
                card(ERROR)));

        assertRefused(declined, 402, "payment");
        assertThat(declined.json().get("type").asString()).endsWith("/payment-declined");
        assertRefused(repeated, 402, "payment");
        assertRefused(failed, 402, "payment");
        assertThat(failed.json().get("type").asString()).endsWith("/payment-failed");
        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE cart_id = ?")
                .param(UUID.fromString(cart)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT string_agg(p.state, ',' ORDER BY p.state) FROM orders.payment p "
                        + "JOIN orders.checkout c ON c.id = p.checkout_id WHERE c.cart_id = ?")
                .param(UUID.fromString(cart)).query(String.class).single()).isEqualTo("DECLINED,FAILED");
        assertThat(carts.view(cart, "web").get("state").asString()).isEqualTo("OPEN");
        assertThat(carts.reservation(reservation).get("state").asString()).isEqualTo("HELD");
        // The decline and the processor's failure are each logged once for analytics' failed-payment rate.
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT string_agg(payload->'properties'->>'state', ',' ORDER BY payload->'properties'->>'state')"
                        + " FROM events.event WHERE profile_id = ? AND name = 'Payment Failed'")
                .param(UUID.fromString(profile)).query(String.class).single()).isEqualTo("DECLINED,FAILED"));

        var paid = fixture.checkout("web", "&profileId=" + profile, key(), checkout(cart, "HOME_DELIVERY",
                card(APPROVE)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    @Test
    void theTillSellsOverTheCounterForCashAndTheStockLeavesTheShop() {
        String wine = carts.product("Tokaji Aszú 6 puttonyos", List.of("shop-debrecen"), "900.00");
        carts.receive(wine, "shop-debrecen", 4);
        String cart = carts.anonymousCart("shop-debrecen");
        carts.added(cart, "shop-debrecen", wine, 1);

        JsonNode order = fixture.placed("shop-debrecen", "", checkout(cart, "COUNTER", paidBy("CASH")));

        assertThat(order.get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(order.get("delivery").asString()).isEqualTo("COUNTER");
        assertThat(order.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
        assertThat(order.get("payments").get(0).get("method").asString()).isEqualTo("CASH");
        assertThat(order.get("shipments").get(0).get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(fixture.onHand(wine, "shop-debrecen")).isEqualTo(3);
        assertThat(fixture.reserved(wine, "shop-debrecen")).isZero();
    }

    @Test
    void nonsenseAtCheckoutIsRefusedWithTheFieldNamed() {
        String wine = carts.product("Kései szüret 2020", List.of("web", "app"), "150.00");
        carts.receive(wine, "warehouse-tokaj", 20);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 1);
        String query = "&profileId=" + profile;

        assertRefused(api.post("/api/orders?channel=web" + query, Api.json(checkout(cart, "HOME_DELIVERY",
                card(APPROVE)))), 400, "Idempotency-Key");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY", paidBy("CASH"))), 400,
                "payment.method");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY",
                paidBy("PAY_AT_PICKUP"))), 400, "payment.method");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "COUNTER", card(APPROVE))), 400,
                "delivery");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY",
                card("4242424242424241"))), 400, "payment.cardNumber");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY",
                card("4111111111111111"))), 400, "payment.cardNumber");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY",
                card("42x2"))), 400, "payment.cardNumber");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY", Map.of("method", "CARD")))
                , 400, "payment.cardNumber");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY",
                paidBy("BITCOIN"))), 400, "payment.method");
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "PICKUP", card(APPROVE))), 409,
                "delivery");
        assertRefused(fixture.checkout("nowhere", query, key(), checkout(cart, "HOME_DELIVERY", card(APPROVE))), 400,
                "channel");
        // Someone else's profile id finds no cart at all, as on the carts API: the answer reveals nothing.
        assertThat(fixture.checkout("web", "&profileId=" + carts.customer(), key(),
                checkout(cart, "HOME_DELIVERY", card(APPROVE))).status()).isEqualTo(404);
        var unknownCart = fixture.checkout("web", query, key(), checkout(UUID.randomUUID().toString(),
                "HOME_DELIVERY", card(APPROVE)));
        assertThat(unknownCart.status()).as(unknownCart.body()).isEqualTo(404);
        assertThat(unknownCart.contentType()).startsWith("application/problem+json");
        var noAddress = checkout(cart, "HOME_DELIVERY", card(APPROVE));
        noAddress.remove("address");
        assertRefused(fixture.checkout("web", query, key(), noAddress), 400, "address");

        String code = "WEBNOT" + CartFixture.unique();
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "app only " + code,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", true,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ORDER"),
                "conditions", Map.of("channels", List.of("app")))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        assertThat(api.post("/api/pricing/promotions/" + promotion.json().get("id").asString() + "/coupon-batches",
                Api.json(Map.of("name", code, "kind", "SHARED", "code", code))).status()).isEqualTo(201);
        assertThat(api.post("/api/carts/" + cart + "/coupons?channel=app&profileId=" + profile,
                Api.json(Map.of("code", code))).status()).isEqualTo(200);
        assertRefused(fixture.checkout("web", query, key(), checkout(cart, "HOME_DELIVERY", card(APPROVE))), 409,
                "coupons");

        String closed = carts.anonymousCart("web");
        carts.added(closed, "web", wine, 1);
        assertThat(api.post("/api/carts/" + closed + "/close?channel=web", "").status()).isEqualTo(200);
        assertRefused(fixture.checkout("web", "", key(), checkout(closed, "HOME_DELIVERY", card(APPROVE))), 409,
                "state");
        String empty = carts.anonymousCart("web");
        assertRefused(fixture.checkout("web", "", key(), checkout(empty, "HOME_DELIVERY", card(APPROVE))), 409,
                "cartId");

        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE cart_id IN (?, ?, ?)")
                .params(UUID.fromString(cart), UUID.fromString(closed), UUID.fromString(empty)).query(Long.class)
                .single()).isZero();
    }
}
