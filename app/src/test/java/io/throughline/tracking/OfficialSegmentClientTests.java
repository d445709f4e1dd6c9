package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Segment's own Java library, unchanged, pointed at Throughline with {@code endpoint(...)}: it posts its
 * batches to {@code /v1/import/} with the write key, and the events arrive on the customer's profile.
 */
@PlatformTest
class OfficialSegmentClientTests {

    @LocalServerPort
    int port;

    @Test
    void identifyTrackAndPageFromTheSegmentJavaClientLandOnTheProfile() throws Exception {
        String userId = "segment-java-" + UUID.randomUUID();
        CountDownLatch delivered = new CountDownLatch(3);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder(PlatformTest.WEB_WRITE_KEY)
                .endpoint("http://127.0.0.1:" + port)
                .flushQueueSize(3)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable failure) {
                        failures.add(failure);
                        delivered.countDown();
                    }
                })
                .build();
        try {
            analytics.enqueue(IdentifyMessage.builder().userId(userId)
                    .traits(Map.of("email", userId + "@example.com", "firstName", "Zsófia")));
            analytics.enqueue(TrackMessage.builder("Product Added").userId(userId)
                    .properties(Map.of("sku", "TOKAJI-ASZU-5", "quantity", 2)));
            analytics.enqueue(PageMessage.builder("Wines").userId(userId));
            analytics.flush();
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            analytics.shutdown();
        }

        assertThat(failures).isEmpty();
        Api admin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/customers?identity=user_id:" + userId)
                .json().get("totalItems").asInt() == 1);
        String profile = admin.get("/api/customers?identity=user_id:" + userId).json().get("items").get(0)
                .get("id").asString();
        JsonNode timeline = admin.get("/api/customers/" + profile + "/timeline").json();
        assertThat(timeline.get("items").valueStream().map(item -> item.get("label").asString()))
                .containsExactlyInAnyOrder("identify", "Product Added", "Wines");
        assertThat(admin.get("/api/customers?identity=email:" + userId + "@example.com").json()
                .get("items").get(0).get("id").asString()).isEqualTo(profile);
        await().atMost(Duration.ofSeconds(10)).until(() -> "Zsófia".equals(
                admin.get("/api/customers/" + profile).json().get("profile").path("givenName").asString()));
    }
}
