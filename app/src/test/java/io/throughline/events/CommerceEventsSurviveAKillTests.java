package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.KillablePlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shopper's add-to-cart commits, and the platform is killed with SIGKILL, PostgreSQL with it, before the log writer
 * has written the "Product Added" event: the writer is made to hold its batch for minutes, so the kill always falls
 * between the cart's commit and the event's. After a restart on the same data, the event is in the log exactly once.
 */
class CommerceEventsSurviveAKillTests {

    private static final String TOKEN = "tl_kill_commerce_token_0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @AutoClose
    private KillablePlatform platform;

    @Test
    void productAddedCommittedWithTheCartReachesTheLogExactlyOnceAfterAKill() throws Exception {
        platform = KillablePlatform.start("--throughline.bootstrap-api-token=" + TOKEN,
                "--throughline.events.commit-delay=10m");
        String sku = "OUTBOX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        stock(sku);
        String cartId = call("POST", "/api/carts?channel=web", Map.of("anonymousId", "outbox-" + UUID.randomUUID(),
                "currency", "CZK")).get("id").asString();

        call("POST", "/api/carts/" + cartId + "/lines?channel=web", Map.of("sku", sku, "quantity", 2));
        try (Connection db = platform.database()) {
            assertThat(productAdded(db, cartId)).as("not in the log before the kill").isZero();
        }
        platform.killWithDatabase();

        platform.restart("--throughline.bootstrap-api-token=" + TOKEN);

        try (Connection db = platform.database()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> productAdded(db, cartId) > 0);
            // Another sweep of the outbox must not bring it a second time.
            Thread.sleep(12_000);
            assertThat(productAdded(db, cartId)).as("Product Added events of the cart").isEqualTo(1);
            try (var statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM events.outbox")) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows left in the outbox").isZero();
            }
        }
    }

    private static long productAdded(Connection db, String cartId) throws Exception {
        try (PreparedStatement count = db.prepareStatement("""
                SELECT count(*) FROM events.event
                 WHERE name = 'Product Added' AND payload -> 'properties' ->> 'cart_id' = ?""")) {
            count.setString(1, cartId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void stock(String sku) throws Exception {
        call("POST", "/api/catalog/products", Map.of("name", "Outbox test wine", "assortment",
                List.of(Map.of("channel", "web", "from", "2020-01-01T00:00:00Z")), "variants", List.of(Map.of("sku", sku))));
        JsonNode list = call("POST", "/api/pricing/price-lists", Map.of("name", "outbox test", "currency", "CZK",
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
                "quantity", 100, "reference", "delivery"));
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
}
