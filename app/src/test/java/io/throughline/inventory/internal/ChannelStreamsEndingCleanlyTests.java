package io.throughline.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class ChannelStreamsEndingCleanlyTests {

    @LocalServerPort
    int port;

    @Autowired
    AvailabilityStream stream;

    @Test
    void streamsEndedByThePlatformCloseNormallyForTheirSubscribers() throws Exception {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        int before = stream.subscriberCount();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(
                    api.request("/api/inventory/availability/stream?channel=web&sku=END-" + System.nanoTime())
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            var body = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = response.body()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.subscriberCount() > before);

            stream.closeAll();

            String received = body.get(5, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(received).contains("event:availability").contains("\"available\":");
            assertThat(stream.subscriberCount()).isZero();
        }
    }
}
