package io.throughline.orders;

import static io.throughline.orders.OrderFixture.SLOW;
import static io.throughline.orders.OrderFixture.card;
import static io.throughline.orders.OrderFixture.checkout;
import static io.throughline.orders.OrderFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Many tills and one repeated request racing for the same stock and the same checkout. */
@PlatformTest
class ShoppersCheckingOutTheLastBottlesTests {

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

    /**
     * 200 carts held a bottle each while the shop had 200; their holds were released and a count found only 5
     * left. All 200 check out at once: each has to take its bottle again, and only 5 can.
     */
    @Test
    void twoHundredCheckoutsForTheLastFiveBottlesPlaceExactlyFiveOrders() throws Exception {
        String wine = carts.product("Eszencia 2008", List.of("shop-tokaj"), "3000.00");
        carts.receive(wine, "shop-tokaj", 200);
        List<String> cartIds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String cart = carts.anonymousCart("shop-tokaj");
            JsonNode added = carts.added(cart, "shop-tokaj", wine, 1);
            cartIds.add(cart);
            String reservation = CartFixture.line(added, wine).get("hold").get("reservationId").asString();
            assertThat(api.post("/api/inventory/reservations/" + reservation + "/release", "").status()).isEqualTo(200);
        }
        var counted = api.post("/api/inventory/movements", Api.json(Map.of("sku", wine,
                "locationId", carts.location("shop-tokaj"), "kind", "ADJUSTMENT", "quantity", -195,
                "reference", "count")));
        assertThat(counted.status()).as(counted.body()).isEqualTo(201);

        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> checkouts = new ArrayList<>();
            for (String cart : cartIds) {
                checkouts.add(threads.submit(() -> {
                    start.await();
                    statuses.add(fixture.checkout("shop-tokaj", "", key(),
                            checkout(cart, "COUNTER", Map.of("method", "CARD_PRESENT"))).status());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> checkout : checkouts) {
                checkout.get();
            }
        }

        assertThat(statuses).hasSize(200);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(5);
        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order o JOIN orders.order_line l ON l.order_id = o.id "
                + "WHERE l.sku = ?").param(wine).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.payment p JOIN orders.checkout c ON c.id = p.checkout_id "
                        + "WHERE c.cart_id = ANY(?) AND p.state = 'CAPTURED'")
                .param(cartIds.stream().map(UUID::fromString).toArray(UUID[]::new)).query(Long.class).single())
                .isEqualTo(5);
        assertThat(fixture.onHand(wine, "shop-tokaj")).isZero();
        assertThat(fixture.reserved(wine, "shop-tokaj")).isZero();
        // The ledger adds up: received 200, counted 195 away, sold 5, and on-hand is its sum.
        assertThat(jdbc.sql("SELECT kind || ':' || sum(quantity) FROM inventory.movement WHERE sku = ? GROUP BY kind "
                + "ORDER BY kind").param(wine).query(String.class).list())
                .containsExactly("ADJUSTMENT:-195", "RECEIPT:200", "SALE:-5");
    }

    @Test
    void theSameKeySentTwentyTimesAtOncePlacesOneOrderAndTakesOnePayment() throws Exception {
        String wine = carts.product("Tokaji Cuvée 2019", List.of("web"), "75.00");
        carts.receive(wine, "warehouse-tokaj", 10);
        String profile = carts.customer();
        String cart = fixture.cartWith("web", profile, wine, 2);
        String key = key();
        var body = checkout(cart, "HOME_DELIVERY", card(SLOW));

        Set<String> orderIds = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> repeats = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                repeats.add(threads.submit(() -> {
                    start.await();
                    var response = fixture.checkout("web", "&profileId=" + profile, key, body);
                    statuses.add(response.status());
                    if (response.status() == 201) {
                        orderIds.add(response.json().get("id").asString());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> repeat : repeats) {
                repeat.get();
            }
        }

        assertThat(statuses).hasSize(20).allMatch(status -> status == 201);
        assertThat(orderIds).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE cart_id = ?").param(UUID.fromString(cart))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.payment p JOIN orders.checkout c ON c.id = p.checkout_id "
                + "WHERE c.cart_id = ?").param(UUID.fromString(cart)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders.test_card_charge WHERE reference IN (SELECT p.id::text "
                        + "FROM orders.payment p JOIN orders.checkout c ON c.id = p.checkout_id WHERE c.cart_id = ?)")
                .param(UUID.fromString(cart)).query(Long.class).single()).isEqualTo(1);
    }
}
