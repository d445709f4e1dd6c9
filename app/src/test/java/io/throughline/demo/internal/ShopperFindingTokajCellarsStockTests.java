package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ShopperFindingTokajCellarsStockTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoStock demoStock;

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    @Test
    void everyDemoProductIsStockedAndSellableOnTheWebFromTheWarehouseAndTheShopsThatShip() {
        List<String> codes = api().get("/api/inventory/locations?size=200").json().get("items").valueStream()
                .map(location -> location.get("code").asString()).toList();
        assertThat(codes).contains("warehouse-tokaj", "shop-budapest", "shop-debrecen", "shop-tokaj");

        for (DemoProducts.DemoProduct product : List.of(DemoProducts.all().getFirst(), DemoProducts.all().getLast())) {
            JsonNode web = api().get("/api/inventory/availability?channel=web&sku=" + product.sku()).json();
            assertThat(web.get("available").asInt()).isPositive();
            assertThat(web.get("locations").valueStream().map(part -> part.get("locationCode").asString()).toList())
                    .containsExactly("shop-budapest", "shop-tokaj", "warehouse-tokaj");
            JsonNode till = api().get("/api/inventory/availability?channel=shop-debrecen&sku=" + product.sku()).json();
            assertThat(till.get("locations").valueStream().map(part -> part.get("locationCode").asString()).toList())
                    .containsExactly("shop-debrecen");
        }
        long stocked = DemoProducts.all().stream().limit(40).filter(product -> api()
                .get("/api/inventory/stock?sku=" + product.sku()).json().size() >= 2).count();
        assertThat(stocked).isEqualTo(40);
    }

    @Test
    void loadingAgainChangesNothing() {
        String sku = DemoProducts.all().get(7).sku();
        String before = api().get("/api/inventory/stock?sku=" + sku).body();

        assertThat(demoStock.load()).isFalse();

        assertThat(api().get("/api/inventory/stock?sku=" + sku).body()).isEqualTo(before);
        assertThat(api().get("/api/inventory/locations?size=200").json().get("items").valueStream()
                .filter(location -> location.get("code").asString().equals(DemoStock.WAREHOUSE)).count()).isEqualTo(1);
    }

    @Test
    void aShopperInBudapestIsSentToTheBudapestShopFirst() {
        String sku = DemoProducts.all().stream().map(DemoProducts.DemoProduct::sku)
                .filter(candidate -> api().get("/api/inventory/pickup?sku=" + candidate + "&lat=47.4979&lon=19.0402")
                        .json().size() == 3)
                .findFirst().orElseThrow();

        JsonNode options = api().get("/api/inventory/pickup?sku=" + sku + "&lat=47.4979&lon=19.0402").json();

        assertThat(options.valueStream().map(option -> option.get("code").asString()).toList())
                .containsExactly("shop-budapest", "shop-tokaj", "shop-debrecen");
        assertThat(options.get(0).get("distanceKm").asDouble()).isLessThan(3);
    }
}
