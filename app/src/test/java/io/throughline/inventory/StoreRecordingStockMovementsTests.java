package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class StoreRecordingStockMovementsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    @Test
    void everyKindOfMovementMovesOnHandAndTheLedgerAlwaysSumsToTheBalance() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String warehouse = stock.warehouse();
        String shop = stock.shop(47.5, 19.0);

        stock.receive(sku, warehouse, 40);
        assertThat(movement(sku, warehouse, "SALE", 3).status()).isEqualTo(201);
        assertThat(movement(sku, warehouse, "RETURN", 1).status()).isEqualTo(201);
        assertThat(movement(sku, warehouse, "ADJUSTMENT", -2).status()).isEqualTo(201);
        var transfer = api().post("/api/inventory/transfers", Api.json(Map.of("sku", sku,
                "fromLocationId", warehouse, "toLocationId", shop, "quantity", 12, "reference", "TR-1")));
        var count = api().post("/api/inventory/counts", Api.json(Map.of("sku", sku, "locationId", shop,
                "counted", 11)));

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        assertThat(transfer.json().get(0).get("kind").asString()).isEqualTo("TRANSFER_OUT");
        assertThat(transfer.json().get(0).get("quantity").asInt()).isEqualTo(-12);
        assertThat(transfer.json().get(1).get("kind").asString()).isEqualTo("TRANSFER_IN");
        assertThat(transfer.json().get(1).get("transferId").asString())
                .isEqualTo(transfer.json().get(0).get("transferId").asString());
        assertThat(count.status()).as(count.body()).isEqualTo(201);
        assertThat(count.json().get("quantity").asInt()).isEqualTo(-1);
        assertThat(onHand(sku, warehouse)).isEqualTo(40 - 3 + 1 - 2 - 12);
        assertThat(onHand(sku, shop)).isEqualTo(11);
        assertLedgerSumsEqualBalances();
    }

    @Test
    void movementHistoryIsPaginatedNewestFirst() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);
        for (int receipt = 1; receipt <= 5; receipt++) {
            stock.receive(sku, shop, receipt);
        }

        JsonNode first = api().get("/api/inventory/locations/" + shop + "/stock/" + sku + "/movements?size=2").json();
        JsonNode last = api().get("/api/inventory/locations/" + shop + "/stock/" + sku
                + "/movements?size=2&page=2").json();

        assertThat(first.get("totalItems").asInt()).isEqualTo(5);
        assertThat(first.get("items").get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(first.get("items").get(0).get("onHandAfter").asInt()).isEqualTo(15);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(last.get("items").size()).isEqualTo(1);
        assertThat(last.get("items").get(0).get("onHandAfter").asInt()).isEqualTo(1);
    }

    @Test
    void aSaleOfMoreThanIsOnHandIsRefusedAndChangesNothing() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 2);

        var refused = movement(sku, shop, "SALE", 3);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Only 2 on hand");
        assertThat(onHand(sku, shop)).isEqualTo(2);
        assertThat(api().get("/api/inventory/locations/" + shop + "/stock/" + sku + "/movements").json()
                .get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void zeroOrNegativeQuantitiesAreRefusedNamingTheField() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);

        for (var refused : new Api.Response[] {movement(sku, shop, "RECEIPT", 0), movement(sku, shop, "SALE", -1),
                movement(sku, shop, "ADJUSTMENT", 0), stock.reserve(sku, shop, 0, "cart-zero", 60),
                stock.reserve(sku, shop, -5, "cart-negative", 60)}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        }
    }

    @Test
    void malformedSkusAreRefusedNamingTheField() {
        var stock = new StockFixture(api());
        String shop = stock.shop(47.5, 19.0);

        for (var refused : new Api.Response[] {movement("no spaces allowed", shop, "RECEIPT", 1),
                movement("-LEADING-DASH", shop, "RECEIPT", 1), stock.reserve("ÁSZ/5", shop, 1, "cart", 60),
                api().get("/api/inventory/availability?channel=web&sku=%20")}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
        }
    }

    @Test
    void anUnknownLocationIsRefused() {
        String nowhere = UUID.randomUUID().toString();
        var stock = new StockFixture(api());

        var movement = movement(StockFixture.uniqueSku(), nowhere, "RECEIPT", 1);
        var reservation = stock.reserve(StockFixture.uniqueSku(), nowhere, 1, "cart", 60);
        var level = api().get("/api/inventory/locations/" + nowhere + "/stock/ABC");

        assertThat(movement.status()).isEqualTo(400);
        assertThat(movement.json().get("errors").get(0).get("field").asString()).isEqualTo("locationId");
        assertThat(reservation.status()).isEqualTo(400);
        assertThat(reservation.json().get("errors").get(0).get("field").asString()).isEqualTo("locationId");
        assertThat(level.status()).isEqualTo(404);
        assertThat(level.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyStockKeepersRecordMovementsAndOnlyAdministratorsCreateLocations() {
        var stock = new StockFixture(api());
        String shop = stock.shop(47.5, 19.0);
        var admin = new Admin(port);
        Api marketer = Api.at(port).withToken(admin.tokenFor("MARKETER"));
        Api associate = Api.at(port).withToken(admin.tokenFor("STORE_ASSOCIATE"));
        String sku = StockFixture.uniqueSku();
        String receipt = Api.json(Map.of("sku", sku, "locationId", shop, "kind", "RECEIPT", "quantity", 1));

        assertThat(marketer.post("/api/inventory/movements", receipt).status()).isEqualTo(403);
        assertThat(associate.post("/api/inventory/movements", receipt).status()).isEqualTo(201);
        assertThat(associate.post("/api/inventory/locations",
                Api.json(StockFixture.location("not-allowed", "SHOP", 1, 1, true))).status()).isEqualTo(403);
        assertThat(marketer.get("/api/inventory/availability?channel=web&sku=" + sku).status()).isEqualTo(200);
        assertThat(Api.at(port).get("/api/inventory/availability?channel=web&sku=" + sku).status()).isEqualTo(401);
    }

    @Test
    void locationsAreCreatedListedAndUpdatedWithTheirOpeningHours() {
        var stock = new StockFixture(api());
        String code = "shop-" + System.nanoTime();
        String id = stock.create(StockFixture.location(code, "SHOP", 47.53, 21.63, true));
        var changed = new java.util.HashMap<>(StockFixture.location(code, "SHOP", 47.53, 21.63, false));
        changed.put("openingHours", java.util.List.of(Map.of("day", "SATURDAY", "opens", "09:00", "closes", "13:00")));

        var updated = api().put("/api/inventory/locations/" + id, Api.json(changed));
        var duplicate = api().post("/api/inventory/locations", Api.json(StockFixture.location(code, "SHOP", 1, 1, true)));
        var badHours = new java.util.HashMap<>(StockFixture.location(code + "-x", "SHOP", 1, 1, true));
        badHours.put("openingHours", java.util.List.of(Map.of("day", "MONDAY", "opens", "18:00", "closes", "10:00")));
        var refused = api().post("/api/inventory/locations", Api.json(badHours));
        var badLatitude = api().post("/api/inventory/locations",
                Api.json(StockFixture.location(code + "-y", "SHOP", 91, 1, true)));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("pickup").asBoolean()).isFalse();
        assertThat(updated.json().get("openingHours").get(0).get("day").asString()).isEqualTo("SATURDAY");
        assertThat(api().get("/api/inventory/locations/" + id).json().get("openingHours").get(0).get("opens").asString())
                .isEqualTo("09:00");
        assertThat(api().get("/api/inventory/locations?size=200").json().get("totalItems").asInt()).isPositive();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("closingAfterOpening");
        assertThat(badLatitude.status()).isEqualTo(400);
        assertThat(badLatitude.json().get("errors").get(0).get("field").asString()).isEqualTo("latitude");
    }

    private Api.Response movement(String sku, String locationId, String kind, int quantity) {
        return api().post("/api/inventory/movements", Api.json(Map.of("sku", sku, "locationId", locationId,
                "kind", kind, "quantity", quantity)));
    }

    private int onHand(String sku, String locationId) {
        return api().get("/api/inventory/locations/" + locationId + "/stock/" + sku).json().get("onHand").asInt();
    }

    private void assertLedgerSumsEqualBalances() {
        int mismatches = jdbc.sql("""
                SELECT count(*) FROM inventory.balance b
                FULL JOIN (SELECT sku, location_id, sum(quantity) AS total FROM inventory.movement
                           GROUP BY sku, location_id) m ON m.sku = b.sku AND m.location_id = b.location_id
                WHERE coalesce(b.on_hand, 0) <> coalesce(m.total, 0)""").query(Integer.class).single();
        assertThat(mismatches).isZero();
    }
}
