package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
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
    private Path workDirectory;
    private Process platform;
    private int httpPort;
    private int postgresPort;

    @AfterEach
    void cleanUp() throws Exception {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            platform.waitFor();
        }
        if (workDirectory != null) {
            try (var files = Files.walk(workDirectory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    @Test
    void reconciliationLeavesNoPaymentWithoutAnOrderAndNoOrderWithoutItsPayment() throws Exception {
        workDirectory = Files.createTempDirectory("throughline-checkout-kill");
        httpPort = freePort();
        postgresPort = freePort();
        platform = start();
        awaitReady();
        String sku = "KILL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        setUp(sku);

        Set<String> confirmedOrders = ConcurrentHashMap.newKeySet();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean shopping = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.add(Thread.ofPlatform().start(() -> shopUntilStopped(id, sku, shopping, inFlight,
                    confirmedOrders)));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> confirmedOrders.size() >= 6 && inFlight.get() >= 3);
        killPlatformAndDatabase();
        shopping.set(false);
        for (Thread client : clients) {
            client.join();
        }

        platform = start();
        awaitReady();

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "")) {
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

    private void shopUntilStopped(int client, String sku, AtomicBoolean shopping, AtomicInteger inFlight,
            Set<String> confirmedOrders) {
        while (shopping.get()) {
            try {
                JsonNode cart = call("POST", "/api/carts?channel=web", Map.of("anonymousId",
                        "kill-" + client + "-" + UUID.randomUUID(), "currency", "CZK"));
                String cartId = cart.get("id").asString();
                call("POST", "/api/carts/" + cartId + "/lines?channel=web", Map.of("sku", sku, "quantity", 1));
                inFlight.incrementAndGet();
                try {
                    HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(base()
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void killPlatformAndDatabase() throws Exception {
        platform.destroyForcibly().waitFor();
        Path pidFile = workDirectory.resolve("data/pg/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postmaster).map(process -> !process.isAlive()).orElse(true));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    private Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.throughline.ThroughlineApplication", "--server.port=" + httpPort,
                "--throughline.embedded-postgres.port=" + postgresPort,
                "--throughline.embedded-postgres.data-directory=" + workDirectory.resolve("data/pg"),
                "--throughline.demo.customers=5", "--throughline.demo.history=false",
                "--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.admin-password=kill-test-password",
                "--logging.level.root=WARN")
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve("platform.log").toFile()))
                .start();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
