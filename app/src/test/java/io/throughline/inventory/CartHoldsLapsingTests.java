package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class CartHoldsLapsingTests {

    @LocalServerPort
    int port;

    @Test
    void anAbandonedCartsHoldGivesItsStockBackByItself() throws Exception {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var stock = new StockFixture(api);
        String sku = StockFixture.uniqueSku();
        String channel = StockFixture.uniqueChannel();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 4);
        stock.allow(channel, shop, 0);
        String hold = stock.reserve(sku, shop, 4, "cart-" + sku, 1).json().get("id").asString();
        assertThat(stock.available(channel, sku)).isZero();
        assertThat(stock.reserve(sku, shop, 1, "other-" + sku, 600).status()).isEqualTo(409);

        Thread.sleep(1_100);

        assertThat(stock.available(channel, sku)).isEqualTo(4);
        assertThat(stock.reserve(sku, shop, 1, "other-" + sku, 600).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(
                api.get("/api/inventory/reservations/" + hold).json().get("state").asString()));
        assertThat(api.post("/api/inventory/reservations/" + hold + "/confirm", "").status()).isEqualTo(409);
        assertThat(api.post("/api/inventory/reservations/" + hold + "/extend", "{\"ttlSeconds\":60}").status())
                .isEqualTo(409);
    }
}
