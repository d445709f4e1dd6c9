package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformTest
class ChannelWatchingAvailabilityLiveTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aReservationReachesTheChannelsStreamWithinOneSecond() throws Exception {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var stock = new StockFixture(api);
        String sku = StockFixture.uniqueSku();
        String channel = StockFixture.uniqueChannel();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 8);
        stock.allow(channel, shop, 1);

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var response = client.send(api.request("/api/inventory/availability/stream?channel=" + channel + "&sku=" + sku)
                .timeout(Duration.ofMinutes(1)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> readEvents(response.body(), events));
        try {
            JsonNode initial = events.poll(5, TimeUnit.SECONDS);
            assertThat(initial).isNotNull();
            assertThat(initial.get("available").asInt()).isEqualTo(7);

            long reservedAt = System.nanoTime();
            assertThat(stock.reserve(sku, shop, 3, "cart-" + sku, 600).status()).isEqualTo(201);
            JsonNode change = events.poll(1, TimeUnit.SECONDS);
            long elapsedMillis = (System.nanoTime() - reservedAt) / 1_000_000;

            assertThat(change).as("an availability event within 1 s of the reservation").isNotNull();
            assertThat(change.get("available").asInt()).isEqualTo(4);
            assertThat(change.get("sku").asString()).isEqualTo(sku);
            assertThat(elapsedMillis).isLessThan(1000);
        } finally {
            response.body().close();
            reader.interrupt();
            client.close();
        }
    }

    @Test
    void aStreamNeedsAValidChannelAndSkus() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);

        var badChannel = api.get("/api/inventory/availability/stream?channel=Web%20Shop&sku=ABC");
        var badSku = api.get("/api/inventory/availability/stream?channel=web&sku=%2F%2F");
        var anonymous = Api.at(port).get("/api/inventory/availability/stream?channel=web&sku=ABC");

        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(badSku.status()).isEqualTo(400);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static void readEvents(InputStream body, BlockingQueue<JsonNode> events) {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring(5).strip()));
                }
            }
        } catch (Exception closed) {
            // The test closed the stream.
        }
    }
}
