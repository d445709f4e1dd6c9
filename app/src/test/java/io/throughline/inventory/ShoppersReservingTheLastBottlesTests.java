package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class ShoppersReservingTheLastBottlesTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hundredShoppersCompetingForTenBottlesLeaveExactlyTenHoldsAndNothingOversold() throws Exception {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var stock = new StockFixture(api);
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.4979, 19.0402);
        stock.receive(sku, shop, 10);

        var start = new CountDownLatch(1);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var oversold = new AtomicBoolean();
        var watching = new AtomicBoolean(true);
        List<Future<?>> shoppers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(100)) {
            // While they compete, on-hand less live reservations is read over and over: it must never dip below 0.
            Future<?> watcher = pool.submit(() -> {
                while (watching.get()) {
                    var level = api.get("/api/inventory/locations/" + shop + "/stock/" + sku).json();
                    if (level.get("onHand").asInt() - level.get("reserved").asInt() < 0) {
                        oversold.set(true);
                    }
                }
            });
            for (int shopper = 0; shopper < 100; shopper++) {
                String cart = "cart-" + shopper + "-" + sku;
                shoppers.add(pool.submit(() -> {
                    start.await();
                    statuses.add(stock.reserve(sku, shop, 1, cart, 600).status());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> shopper : shoppers) {
                shopper.get();
            }
            watching.set(false);
            watcher.get();
        }

        assertThat(statuses).hasSize(100);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(10);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(90);
        assertThat(oversold).isFalse();
        var level = api.get("/api/inventory/locations/" + shop + "/stock/" + sku).json();
        assertThat(level.get("onHand").asInt()).isEqualTo(10);
        assertThat(level.get("reserved").asInt()).isEqualTo(10);
        int ledgerSum = jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM inventory.movement WHERE sku = ?")
                .param(sku).query(Integer.class).single();
        assertThat(ledgerSum).isEqualTo(level.get("onHand").asInt());
    }

    @Test
    void theEleventhShopperIsToldHowManyAreLeft() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var stock = new StockFixture(api);
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 3);
        assertThat(stock.reserve(sku, shop, 2, "cart-a", 600).status()).isEqualTo(201);

        var refused = stock.reserve(sku, shop, 2, "cart-b", 600);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("Only 1 unreserved");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
    }
}
