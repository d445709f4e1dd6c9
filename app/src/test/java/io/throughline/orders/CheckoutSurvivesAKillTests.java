package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.KillablePlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform runs as a child process while shoppers check out with the slow test card, and is killed with
 * SIGKILL, PostgreSQL with it, while checkouts are in flight. After a restart on the same data, reconciliation
 * has left no payment taken or authorised without an order and no order without its captured payment, and every
 * order a shopper was told about is there.
 */
class CheckoutSurvivesAKillTests {

    private static final String TOKEN = "tl_kill_checkout_token_0123456789";
    private static final int CLIENTS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @AutoClose
    private KillablePlatform platform;

    @Test
    void reconciliationLeavesNoPaymentWithoutAnOrderAndNoOrderWithoutItsPayment() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN);
        String sku = "KILL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        setUp(sku);

        Set<String> confirmedOrders = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        platform.load(CLIENTS, (client, shopping) -> shopUntilStopped(client, sku, shopping, inFlight,
                confirmedOrders));
        // The kill must find checkouts between their two transactions: the slow card holds each there for 1.5 s,
        // so waiting until the database shows some makes the kill land in that window however busy the machine is.
        try (Connection db = platform.database()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> confirmedOrders.size() >= 6 && inFlight.get() >= 3
                    && count(db, """
                            SELECT count(*) FROM orders.checkout c JOIN orders.payment p ON p.checkout_id = c.id
                             WHERE c.state = 'STARTED' AND p.state = 'AUTHORISING'""") >= 2);
        }
        platform.killWithDatabase();

        platform.restart();

        try (Connection db = platform.database()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db,
                    "SELECT count(*) FROM orders.checkout WHERE state = 'STARTED'") == 0);
            assertThat(count(db, "SELECT count(*) FROM orders.payment WHERE order_id IS NULL "
                    + "AND state IN ('AUTHORISING', 'AUTHORISED', 'CAPTURED')")).as("payments kept without an order")
                    .isZero();
            // The demo brand's pay-at-pickup orders are paid at the counter later, so only this test's card orders count.
            assertThat(count(db, """
                    SELECT count(*) FROM orders.placed_order o
                     WHERE EXISTS (SELECT 1 FROM orders.order_line l WHERE l.order_id = o.id AND l.sku = '%s')
                       AND NOT EXISTS (SELECT 1 FROM orders.payment p WHERE p.order_id = o.id AND p.state = 'CAPTURED')"""
                    .formatted(sku))).as("orders without their captured payment").isZero();
            assertThat(count(db, """
                    SELECT count(*) FROM orders.test_card_charge c
                     WHERE c.state <> 'VOIDED' AND NOT EXISTS (SELECT 1 FROM orders.payment p
                                                               WHERE p.id::text = c.reference AND p.order_id IS NOT NULL)"""))
                    .as("charges at the processor without an order").isZero();
            assertThat(count(db, "SELECT count(*) FROM orders.test_card_charge WHERE state = 'AUTHORISED'"))
                    .as("authorisations left hanging at the processor").isZero();
            assertThat(count(db, "SELECT count(*) FROM orders.checkout WHERE state = 'REFUSED' "
                    + "AND outcome_detail LIKE '%interrupted%'")).as("checkouts the kill interrupted").isPositive();
            for (String order : confirmedOrders) {
                assertThat(count(db, "SELECT count(*) FROM orders.placed_order WHERE id = '" + order + "'"))
                        .as("confirmed order " + order).isEqualTo(1);
            }
            // Every allocation is an order's: nothing stays allocated for a checkout that never became one.
            assertThat(count(db, """
                    SELECT count(*) FROM inventory.reservation r WHERE r.sku = '%s' AND r.state = 'ALLOCATED'
                       AND NOT EXISTS (SELECT 1 FROM orders.shipment_line l WHERE l.reservation_id = r.id)"""
                    .formatted(sku))).isZero();
        }
    }

    private void setUp(String sku) throws Exception {
        JsonNode product = call("POST", "/api/catalog/products", Map.of("name", "Kill test wine", "assortment",
                List.of(Map.of("channel", "web", "from", "2020-01-01T00:00:00Z")), "variants", List.of(Map.of("sku", sku))));
        assertThat(product).isNotNull();
        JsonNode list = call("POST", "/api/pricing/price-lists", Map.of("name", "kill test", "currency", "CZK",
                "channels", List.of(), "priority", 0));
        call("PUT", "/api/pricing/price-lists/" + list.get("id").asString() + "/prices",
                Map.of("prices", List.of(Map.of("sku", sku, "price", "10.00"))));
        String warehouse = null;
        for (JsonNode location : call("GET", "/api/inventory/locations?size=200", null).get("items")) {
            if (location.get("code").asString().equals("warehouse-tokaj")) {
                warehouse = location.get("id").asString();
            }
        }
        call("POST", "/api/inventory/movements", Map.of("sku", sku, "locationId", warehouse, "kind", "RECEIPT",
                "quantity", 100_000, "reference", "delivery"));
    }

    private void shopUntilStopped(int client, String sku, BooleanSupplier shopping, AtomicInteger inFlight,
            Set<String> confirmedOrders) {
        while (shopping.getAsBoolean()) {
            try {
                JsonNode cart = call("POST", "/api/carts?channel=web", Map.of("anonymousId",
                        "kill-" + client + "-" + UUID.randomUUID(), "currency", "CZK"));
                String cartId = cart.get("id").asString();
                call("POST", "/api/carts/" + cartId + "/lines?channel=web", Map.of("sku", sku, "quantity", 1));
                inFlight.incrementAndGet();
                try {
                    HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(platform.baseUrl()
                                    + "/api/orders?channel=web")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "kill-" + UUID.randomUUID())
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("cartId", cartId,
                                    "delivery", "HOME_DELIVERY", "payment", Map.of("method", "CARD",
                                            "cardNumber", "4000000000000259"), "address", Map.of("name", "K",
                                            "street", "Fő utca 1.", "city", "Tokaj", "postalCode", "3910",
                                            "country", "HU"))))).build(), HttpResponse.BodyHandlers.ofString());
                    if (placed.statusCode() == 201) {
                        confirmedOrders.add(JSON.readTree(placed.body()).get("id").asString());
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            } catch (IOException | IllegalStateException | NullPointerException connectionLost) {
                // The platform was killed mid-request: this checkout was never confirmed.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
