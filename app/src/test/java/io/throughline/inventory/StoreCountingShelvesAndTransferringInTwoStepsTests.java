package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A shop counts a shelf of several SKUs in one request, and goods travel from the warehouse to a shop in two
 * steps: out of the warehouse when dispatched, into the shop when received. A wrong line refuses the whole
 * request, names the line and changes nothing.
 */
@PlatformTest
class StoreCountingShelvesAndTransferringInTwoStepsTests {

    @LocalServerPort
    int port;

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    @Test
    void aShelfCountSetsEveryLinesStockOrRefusesTheWholeCountNamingTheLine() {
        var stock = new StockFixture(api());
        String shop = stock.shop(47.5, 19.0);
        String riesling = stock.newSku();
        String furmint = stock.newSku();
        stock.receive(riesling, shop, 7);
        stock.receive(furmint, shop, 2);

        var refused = api().post("/api/inventory/locations/" + shop + "/counts", Api.json(Map.of("lines", List.of(
                Map.of("sku", riesling, "counted", 5), Map.of("sku", furmint, "counted", -1)))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[1].counted");
        assertThat(onHand(riesling, shop)).isEqualTo(7);

        var twice = api().post("/api/inventory/locations/" + shop + "/counts", Api.json(Map.of("lines", List.of(
                Map.of("sku", riesling, "counted", 5), Map.of("sku", riesling.toLowerCase(), "counted", 1)))));
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[1].sku");

        var counted = api().post("/api/inventory/locations/" + shop + "/counts", Api.json(Map.of(
                "reference", "shelf 4", "lines", List.of(Map.of("sku", riesling, "counted", 5),
                        Map.of("sku", furmint, "counted", 3)))));
        assertThat(counted.status()).as(counted.body()).isEqualTo(201);
        assertThat(counted.json().valueStream().map(m -> m.get("kind").asString())).containsOnly("COUNT");
        assertThat(onHand(riesling, shop)).isEqualTo(5);
        assertThat(onHand(furmint, shop)).isEqualTo(3);
    }

    @Test
    void goodsLeaveTheWarehouseWhenDispatchedAndReachTheShopOnlyWhenReceivedOnce() {
        var stock = new StockFixture(api());
        String warehouse = stock.warehouse();
        String shop = stock.shop(47.5, 19.0);
        String sku = stock.newSku();
        stock.receive(sku, warehouse, 10);

        var tooMany = api().post("/api/inventory/transfer-orders", Api.json(Map.of("fromLocationId", warehouse,
                "toLocationId", shop, "lines", List.of(Map.of("sku", sku, "quantity", 11)))));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(onHand(sku, warehouse)).isEqualTo(10);

        var dispatched = api().post("/api/inventory/transfer-orders", Api.json(Map.of("fromLocationId", warehouse,
                "toLocationId", shop, "reference", "DN-77", "lines", List.of(Map.of("sku", sku, "quantity", 4)))));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(201);
        String id = dispatched.json().get("id").asString();
        assertThat(dispatched.json().get("state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(onHand(sku, warehouse)).isEqualTo(6);
        assertThat(onHand(sku, shop)).isZero();
        assertThat(api().get("/api/inventory/locations/" + shop + "/transfer-orders").json().get("items").get(0)
                .get("id").asString()).isEqualTo(id);

        var received = api().post("/api/inventory/transfer-orders/" + id + "/receipt", "");
        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("state").asString()).isEqualTo("RECEIVED");
        assertThat(onHand(sku, shop)).isEqualTo(4);
        var again = api().post("/api/inventory/transfer-orders/" + id + "/receipt", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(onHand(sku, shop)).isEqualTo(4);

        var movements = api().get("/api/inventory/locations/" + shop + "/stock/" + sku + "/movements").json()
                .get("items");
        assertThat(movements.get(0).get("kind").asString()).isEqualTo("TRANSFER_IN");
        assertThat(movements.get(0).get("transferId").asString()).isEqualTo(id);
    }

    private int onHand(String sku, String location) {
        return api().get("/api/inventory/locations/" + location + "/stock/" + sku).json().get("onHand").asInt();
    }
}
