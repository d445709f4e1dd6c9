package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.KillablePlatform;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Members buy on the web while the platform, a child process, is killed with SIGKILL, PostgreSQL with it. After a
 * restart on the same data every order she was told about has earned its points exactly once: none lost between
 * the order's commit and its points, none earned twice by the redelivery.
 */
class OrderPointsSurvivingAKillTests {

    private static final String TOKEN = "tl_kill_loyalty_token_0123456789";
    private static final int CLIENTS = 4;

    @AutoClose
    private KillablePlatform platform;

    @Test
    void everyConfirmedOrderEarnsItsPointsExactlyOnceAfterTheRestart() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN);
        Api api = platform.api(TOKEN);
        String sku = "KILLPTS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        setUp(api, sku);
        List<String> members = List.of(member(api), member(api), member(api), member(api));

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        platform.load(CLIENTS, (client, shopping) -> buyUntilStopped(members.get(client), sku, shopping, confirmed));
        // Kill while some orders are committed whose points are not yet written.
        try (Connection db = platform.database()) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20)).until(() -> confirmed.size() >= 8
                    && count(db, withoutPoints(sku)) >= 1);
        }
        platform.killWithDatabase();
        platform.restart();

        try (Connection db = platform.database()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> count(db, withoutPoints(sku)) == 0);
            assertThat(count(db, """
                    SELECT count(*) FROM (SELECT m.order_id FROM loyalty.movement m
                      JOIN orders.order_line l ON l.order_id = m.order_id AND l.sku = '%s'
                     WHERE m.kind = 'EARNED' GROUP BY m.order_id HAVING count(DISTINCT m.id) > 1) twice"""
                    .formatted(sku))).as("orders that earned twice").isZero();
            for (String order : confirmed) {
                assertThat(count(db, "SELECT count(*) FROM loyalty.movement WHERE kind = 'EARNED' AND order_id = '"
                        + order + "'")).as("points of confirmed order " + order).isEqualTo(1);
            }
            // Each order of 100 CZK earned 10 points, and her account holds what her orders earned.
            assertThat(count(db, """
                    SELECT count(*) FROM loyalty.movement m JOIN orders.placed_order o ON o.id = m.order_id
                     WHERE m.kind = 'EARNED' AND m.points <> 10
                       AND EXISTS (SELECT 1 FROM orders.order_line l WHERE l.order_id = o.id AND l.sku = '%s')"""
                    .formatted(sku))).isZero();
        }
    }

    /** Orders of this test committed with a customer and without their points. */
    private static String withoutPoints(String sku) {
        return """
                SELECT count(*) FROM orders.placed_order o
                 WHERE o.profile_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM orders.order_line l WHERE l.order_id = o.id AND l.sku = '%s')
                   AND NOT EXISTS (SELECT 1 FROM loyalty.movement m WHERE m.reference = 'order:' || o.id)"""
                .formatted(sku);
    }

    private static void setUp(Api api, String sku) {
        var programme = api.put("/api/loyalty/programme", Api.json(Map.of("name", "Kill club", "expiryDays", 365,
                "minorPerPoint", Map.of("CZK", 100), "rates", List.of(Map.of("currency", "CZK", "spendMinor", 1000,
                        "points", 1, "minSpendMinor", 0)))));
        assertThat(programme.status()).as(programme.body()).isEqualTo(200);
        assertThat(api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "POINTS", "windowDays", 365,
                "tiers", List.of()))).status()).isEqualTo(200);
        assertThat(api.put("/api/loyalty/promotions", "[]").status()).isEqualTo(200);
        var product = api.post("/api/catalog/products", Api.json(Map.of("name", "Kill points wine", "assortment",
                List.of(Map.of("channel", "web", "from", "2020-01-01T00:00:00Z")), "variants",
                List.of(Map.of("sku", sku)))));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        var list = api.post("/api/pricing/price-lists", Api.json(Map.of("name", "kill points", "currency", "CZK",
                "channels", List.of(), "priority", 0)));
        api.put("/api/pricing/price-lists/" + list.json().get("id").asString() + "/prices",
                Api.json(Map.of("prices", List.of(Map.of("sku", sku, "price", "100.00")))));
        String warehouse = api.get("/api/inventory/locations?size=200").json().get("items").valueStream()
                .filter(location -> location.get("code").asString().equals("warehouse-tokaj"))
                .map(location -> location.get("id").asString()).findFirst().orElseThrow();
        assertThat(api.post("/api/inventory/movements", Api.json(Map.of("sku", sku, "locationId", warehouse,
                "kind", "RECEIPT", "quantity", 100_000, "reference", "delivery"))).status()).isIn(200, 201);
    }

    private static String member(Api api) {
        var created = api.post("/api/customers", Api.json(Map.of("givenName", "Kill", "familyName", "Member",
                "email", "kill-" + UUID.randomUUID() + "@example.com")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void buyUntilStopped(String profile, String sku, BooleanSupplier shopping, Set<String> confirmed) {
        Api api = platform.api(TOKEN);
        while (shopping.getAsBoolean()) {
            try {
                var cart = api.post("/api/carts?channel=web", Api.json(Map.of("profileId", profile,
                        "currency", "CZK")));
                String cartId = cart.json().get("id").asString();
                api.post("/api/carts/" + cartId + "/lines?channel=web", Api.json(Map.of("sku", sku, "quantity", 1)));
                var placed = api.send(api.request("/api/orders?channel=web&profileId=" + profile)
                        .header("Content-Type", "application/json").header("Idempotency-Key", "kill-" + UUID.randomUUID())
                        .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("cartId", cartId,
                                "delivery", "HOME_DELIVERY", "payment", Map.of("method", "CARD",
                                        "cardNumber", "4242424242424242"), "address", Map.of("name", "K",
                                        "street", "Fő utca 1.", "city", "Tokaj", "postalCode", "3910",
                                        "country", "HU"))))));
                if (placed.status() == 201) {
                    confirmed.add(placed.json().get("id").asString());
                }
            } catch (RuntimeException connectionLost) {
                // The platform was killed mid-request: this order was never confirmed.
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
